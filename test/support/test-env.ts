import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';
import { AppConfig, dropSchema, loadConfig, runMigrations } from '@app/core';
import { ALL_MIGRATIONS } from '../../apps/api/src/migrations';

/**
 * One isolated world per test file: its own PostgreSQL schema, and its own prefix for
 * Meilisearch indexes, BullMQ queues and Redis keys, against the machine's real services.
 */
export interface TestEnv {
  config: AppConfig;
  runId: string;
  cleanup(): Promise<void>;
}

export async function createTestEnv(overrides: Record<string, string> = {}): Promise<TestEnv> {
  const runId = `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    DB_SCHEMA: `e2e_${runId}`,
    RESOURCE_PREFIX: runId,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...overrides,
  });
  await runMigrations(config, ALL_MIGRATIONS);
  return {
    config,
    runId,
    async cleanup() {
      await dropSchema(config.databaseUrl, config.dbSchema);
      await deleteRedisKeys(config.redisUrl, `${config.resourcePrefix}:*`);
      await deleteMeiliIndexes(config.meiliHost, config.meiliMasterKey, config.resourcePrefix);
    },
  };
}

async function deleteRedisKeys(url: string, pattern: string): Promise<void> {
  const redis = new IORedis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } catch {
    // Redis may be the thing a test stopped; nothing to clean then.
  } finally {
    redis.disconnect();
  }
}

async function deleteMeiliIndexes(host: string, key: string, prefix: string): Promise<void> {
  try {
    const res = await fetch(`${host}/indexes?limit=1000`, { headers: { Authorization: `Bearer ${key}` } });
    if (!res.ok) return;
    const body = (await res.json()) as { results: { uid: string }[] };
    for (const idx of body.results.filter((i) => i.uid.startsWith(prefix))) {
      await fetch(`${host}/indexes/${idx.uid}`, { method: 'DELETE', headers: { Authorization: `Bearer ${key}` } });
    }
  } catch {
    // Meilisearch not reachable: nothing to clean.
  }
}
