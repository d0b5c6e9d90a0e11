import IORedis, { RedisOptions } from 'ioredis';

/**
 * Connections for BullMQ. Producers fail fast when Redis is down (the outbox keeps the
 * event and retries); workers wait for Redis to come back, as BullMQ requires.
 */
export function createRedisConnection(url: string, role: 'producer' | 'worker' | 'plain'): IORedis {
  const options: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: false }
      : role === 'producer'
        ? { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 }
        : { maxRetriesPerRequest: 1, connectTimeout: 2000 };
  const conn = new IORedis(url, { ...options, lazyConnect: false, retryStrategy: (times) => Math.min(times * 200, 2000) });
  // Connection errors are reported by the health check and by failing operations.
  conn.on('error', () => undefined);
  return conn;
}
