import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives defaults that serve the local machine', () => {
    const c = loadConfig({ NODE_ENV: 'test' });
    expect(c.databaseUrl).toBe('postgresql://postgres@127.0.0.1:5432/test');
    expect(c.port).toBe(3000);
    expect(c.resourcePrefix).toBe('tt');
  });

  it('names a malformed variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ NODE_ENV: 'test', REDIS_URL: 'not a url' })).toThrow(/REDIS_URL/);
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: is required/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: '' })).toThrow(/JWT_SECRET: is required/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET: at least 32/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(40) }).jwtSecret).toHaveLength(40);
  });

  it('signs with a random secret per start when none is given, never one written in the source', () => {
    const a = loadConfig({ NODE_ENV: 'development' }).jwtSecret;
    const b = loadConfig({ NODE_ENV: 'development' }).jwtSecret;
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(loadConfig({ NODE_ENV: 'test' }).jwtSecret).not.toBe(loadConfig({ NODE_ENV: 'test' }).jwtSecret);
  });

  it('lets only a test environment move the clock', () => {
    expect(loadConfig({ NODE_ENV: 'test', TEST_CLOCK_FILE: '/tmp/clock' }).testClockFile).toBe('/tmp/clock');
    expect(() => loadConfig({ NODE_ENV: 'development', TEST_CLOCK_FILE: '/tmp/clock' })).toThrow(/TEST_CLOCK_FILE/);
    expect(loadConfig({ NODE_ENV: 'development' }).testClockFile).toBeNull();
  });

  it('listens on loopback unless HOST says otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).host).toBe('127.0.0.1');
    expect(loadConfig({ NODE_ENV: 'test', HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(() => loadConfig({ NODE_ENV: 'test', HOST: 'not a host!' })).toThrow(/HOST/);
  });

  it('serves the api with one process per core in production, one elsewhere, and several only with JWT_SECRET', () => {
    const secret = { JWT_SECRET: 's'.repeat(40) };
    expect(loadConfig({ NODE_ENV: 'development' }).apiProcesses).toBe(1);
    expect(loadConfig({ NODE_ENV: 'production', ...secret }).apiProcesses).toBe(availableParallelism());
    expect(loadConfig({ NODE_ENV: 'production', ...secret, API_PROCESSES: '1' }).apiProcesses).toBe(1);
    expect(loadConfig({ NODE_ENV: 'development', ...secret, API_PROCESSES: '3' }).apiProcesses).toBe(3);
    expect(() => loadConfig({ NODE_ENV: 'development', API_PROCESSES: '2' })).toThrow(
      /API_PROCESSES: more than one api process needs JWT_SECRET/,
    );
    for (const bad of ['0', '1.5', '65', 'all'])
      expect(() => loadConfig({ NODE_ENV: 'test', ...secret, API_PROCESSES: bad })).toThrow(/API_PROCESSES/);
  });

  it('holds a job lock for 30 s unless QUEUE_LOCK_MS says otherwise, never under 2 s', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).queueLockMs).toBe(30_000);
    expect(loadConfig({ NODE_ENV: 'test', QUEUE_LOCK_MS: '5000' }).queueLockMs).toBe(5_000);
    expect(loadConfig({ NODE_ENV: 'test', QUEUE_LOCK_MS: '10' }).queueLockMs).toBe(2_000);
  });

  it('runs every queue in a worker unless WORKER_QUEUES names some, and refuses an unknown one', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).workerQueues).toBeNull();
    expect(loadConfig({ NODE_ENV: 'test', WORKER_QUEUES: 'match, search-index' }).workerQueues).toEqual(['match', 'search-index']);
    expect(() => loadConfig({ NODE_ENV: 'test', WORKER_QUEUES: 'match,mail' })).toThrow(/WORKER_QUEUES: unknown queue "mail"/);
  });

  it('rejects a schema name that could inject SQL', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', DB_SCHEMA: 'x; drop table y' })).toThrow(/DB_SCHEMA/);
  });

  it('points notification links at the web portal: served by the api, or at WEB_APP_URL', () => {
    expect(loadConfig({ NODE_ENV: 'test', PUBLIC_BASE_URL: 'https://kj.example.cn/' }).linkBaseUrl).toBe('https://kj.example.cn');
    expect(loadConfig({ NODE_ENV: 'test', WEB_APP_URL: 'https://app.kj.example.cn/' }).linkBaseUrl).toBe('https://app.kj.example.cn');
    expect(() => loadConfig({ NODE_ENV: 'test', WEB_APP_URL: 'nope' })).toThrow('WEB_APP_URL');
  });

  it('limits the rows of a catalog import file, 100,000 unless IMPORT_MAX_ROWS says otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).importMaxRows).toBe(100_000);
    expect(loadConfig({ NODE_ENV: 'test', IMPORT_MAX_ROWS: '100' }).importMaxRows).toBe(100);
    for (const bad of ['0', '-5', '2.5', 'many'])
      expect(() => loadConfig({ NODE_ENV: 'test', IMPORT_MAX_ROWS: bad })).toThrow(/IMPORT_MAX_ROWS/);
  });

  it('requires two-factor sign-in of bureau accounts in production unless BUREAU_TOTP_REQUIRED says otherwise', () => {
    const secret = { JWT_SECRET: 's'.repeat(40) };
    expect(loadConfig({ NODE_ENV: 'production', ...secret }).bureauTotpRequired).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', ...secret, BUREAU_TOTP_REQUIRED: 'false' }).bureauTotpRequired).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).bureauTotpRequired).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).bureauTotpRequired).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', BUREAU_TOTP_REQUIRED: 'true' }).bureauTotpRequired).toBe(true);
    expect(() => loadConfig({ NODE_ENV: 'test', BUREAU_TOTP_REQUIRED: 'sometimes' })).toThrow(/BUREAU_TOTP_REQUIRED/);
  });
});
