import IORedis from 'ioredis';
import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { loadState } from './stack';

/** Stops the processes and removes the run's schema, Redis keys and Meilisearch indexes. */
export default async function globalTeardown(): Promise<void> {
  const state = loadState();
  if (!state) return;
  for (const pid of state.pids) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await new Promise((r) => setTimeout(r, 1500));
  const { DB_SCHEMA, RESOURCE_PREFIX, TEST_CLOCK_FILE } = state.env;
  rmSync(TEST_CLOCK_FILE, { force: true });
  const pg = new Client({ connectionString: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test' });
  try {
    await pg.connect();
    await pg.query(`DROP SCHEMA IF EXISTS "${DB_SCHEMA}" CASCADE`);
  } finally {
    await pg.end();
  }
  const redis = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${RESOURCE_PREFIX}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  const key = process.env.MEILI_MASTER_KEY ?? 'dev-master-key-change-me-0123456789';
  const host = process.env.MEILI_HOST ?? 'http://127.0.0.1:7700';
  const list = (await (await fetch(`${host}/indexes?limit=1000`, { headers: { Authorization: `Bearer ${key}` } })).json()) as {
    results: { uid: string }[];
  };
  for (const idx of list.results.filter((i) => i.uid.startsWith(RESOURCE_PREFIX))) {
    await fetch(`${host}/indexes/${idx.uid}`, { method: 'DELETE', headers: { Authorization: `Bearer ${key}` } });
  }
}
