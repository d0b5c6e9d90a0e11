import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { ApiClient, ProductProcess, spawnTs, startProduct, worldEnv } from './support/processes';
import { createTestEnv, TestEnv } from './support/test-env';
import { freePort, waitFor } from './support/wait';

/** The pids of a process's children. */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * API_PROCESSES: the api served by several processes sharing one port (apps/api/src/main.ts). The
 * primary says it listens once all do, replaces one that dies, and stops them all on SIGTERM.
 */
describe('api served by several processes', () => {
  let env: TestEnv;
  let api: ProductProcess | null = null;

  beforeAll(async () => {
    env = await createTestEnv();
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await env.cleanup();
  });

  it('refuses to start several processes without a shared JWT_SECRET, naming the variable', async () => {
    const child = spawnTs('apps/api/src/main.ts', worldEnv(env.config, { API_PROCESSES: '2', PORT: String(await freePort()) }));
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(err).toContain('API_PROCESSES: more than one api process needs JWT_SECRET');
  }, 60_000);

  it('stops with a failure when its processes cannot start (the port is taken)', async () => {
    const taken = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
    try {
      const child = startProduct(
        'api',
        worldEnv(env.config, { API_PROCESSES: '2', PORT: String(port), JWT_SECRET: randomBytes(32).toString('hex') }),
        { name: 'api ×2 on a taken port' },
      );
      expect(await child.exited).toBe(1);
      expect(child.output()).not.toContain('api listening');
    } finally {
      taken.close();
    }
  }, 120_000);

  it('serves on one port from two processes, replaces one that dies, and stops all on SIGTERM', async () => {
    const port = await freePort();
    api = startProduct(
      'api',
      worldEnv(env.config, { API_PROCESSES: '2', PORT: String(port), JWT_SECRET: randomBytes(32).toString('hex') }),
      { name: 'api ×2' },
    );
    await api.ready;
    expect(api.output()).toMatch(/api listening on http:\/\/127\.0\.0\.1:\d+ .*, 2 processes/);
    const primary = api.child.pid!;
    const [first, second] = childrenOf(primary);
    expect([first, second].every((p) => p > 0)).toBe(true);

    const client = new ApiClient('api', `http://127.0.0.1:${port}`);
    try {
      expect((await client.request('GET', '/api/catalog/reference')).status).toBe(200);

      // One process dies: the other keeps answering, and the primary starts a replacement.
      process.kill(first, 'SIGKILL');
      await waitFor(async () => api!.output().includes(`api process ${first} exited (SIGKILL)`), 10_000, 'the primary to see it');
      for (let i = 0; i < 5; i++) expect((await client.request('GET', '/api/catalog/reference')).status).toBe(200);
      await waitFor(async () => childrenOf(primary).length === 2 && !childrenOf(primary).includes(first), 10_000, 'a replacement');
      const replacement = childrenOf(primary).find((p) => p !== second)!;

      // SIGTERM: every process closes and the primary exits 0.
      expect(await api.kill('SIGTERM')).toBe(0);
      await waitFor(async () => ![second, replacement].some(alive), 10_000, 'every api process to exit');
    } finally {
      client.close();
    }
  }, 180_000);
});
