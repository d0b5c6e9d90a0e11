import { ChildProcess, spawn, type StdioOptions } from 'node:child_process';
import http from 'node:http';
import { join } from 'node:path';

/**
 * The product's own processes, started the way an operator starts them but from the sources:
 * the api and the worker entry points (apps/<app>/src/main.ts) under ts-node, transpile only.
 * Used by the tests that run the product as separate processes (a worker killed mid-way, two apis
 * and two workers side by side) and by the browser tests' stack (apps/web/e2e/stack.ts).
 */
export const ROOT = join(__dirname, '..', '..');

const TS_NODE = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];

/** A TypeScript script of the repository as its own Node process, the environment given on top of this one's. */
export function spawnTs(
  script: string,
  env: Record<string, string>,
  options: { stdio?: StdioOptions; detached?: boolean } = {},
): ChildProcess {
  return spawn(process.execPath, [...TS_NODE, script], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json', ...env },
    stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
}

/** What the configuration of a test's world needs to be handed to a child process. */
export interface SharedWorld {
  databaseUrl: string;
  dbSchema: string;
  redisUrl: string;
  meiliHost: string;
  meiliMasterKey: string;
  resourcePrefix: string;
}

/**
 * The environment that puts a child process in the same world as a test (its schema, its prefix
 * of Meilisearch indexes, queues and Redis keys), with `extra` on top.
 */
export function worldEnv(world: SharedWorld, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: world.databaseUrl,
    DB_SCHEMA: world.dbSchema,
    REDIS_URL: world.redisUrl,
    MEILI_HOST: world.meiliHost,
    MEILI_MASTER_KEY: world.meiliMasterKey,
    RESOURCE_PREFIX: world.resourcePrefix,
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

export type ProductApp = 'api' | 'worker';

/** What each entry point writes once it is up (apps/api/src/main.ts, apps/worker/src/main.ts). */
const READY_LINE: Record<ProductApp, string> = { api: 'api listening on', worker: 'worker started' };

/** Output kept per process: enough to show why it failed. */
const KEEP_CHARS = 50_000;

/** Every process started here and still running: killed if this process exits without stopping them. */
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

export interface ProductProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Resolves once the process has said it is up; rejects if it exits or stays silent past the timeout. */
  readonly ready: Promise<void>;
  /** Resolves with the exit code (null after a signal) once the process has exited. */
  readonly exited: Promise<number | null>;
  /** The last lines it wrote (stdout and stderr). */
  output(): string;
  running(): boolean;
  /** Sends `signal` and waits for the process to exit. */
  kill(signal: NodeJS.Signals): Promise<number | null>;
  /** SIGTERM (graceful: a worker finishes its running jobs), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts the api or the worker as its own process; `name` tells them apart in messages. */
export function startProduct(
  app: ProductApp,
  env: Record<string, string>,
  options: { name?: string; readyTimeoutMs?: number } = {},
): ProductProcess {
  const name = options.name ?? app;
  const child = spawnTs(`apps/${app}/src/main.ts`, env);
  live.add(child);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const c of live) c.kill('SIGKILL');
    });
  }
  let out = '';
  const keep = (d: Buffer): void => {
    out = (out + d.toString('utf8')).slice(-KEEP_CHARS);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const running = (): boolean => child.exitCode === null && child.signalCode === null;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      live.delete(child);
      resolve(code);
    });
  });
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.stdout!.off('data', check);
      reject(new Error(`${name} did not start within ${options.readyTimeoutMs ?? 300_000} ms:\n${out}`));
    }, options.readyTimeoutMs ?? 300_000);
    const check = (): void => {
      if (!out.includes(READY_LINE[app])) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      resolve();
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? child.signalCode}) before it started:\n${out}`));
    });
  });
  // A process stopped before it was ready is not an unhandled rejection; callers await `ready`.
  ready.catch(() => undefined);
  const kill = async (signal: NodeJS.Signals): Promise<number | null> => {
    if (running()) child.kill(signal);
    return exited;
  };
  return {
    name,
    child,
    ready,
    exited,
    output: () => out,
    running,
    kill,
    async stop(graceMs = 15_000) {
      if (!running()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => running() && child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Stops all of them at once (each SIGTERM, then SIGKILL after the grace). */
export async function stopAll(processes: ProductProcess[], graceMs?: number): Promise<void> {
  await Promise.all(processes.map((p) => p.stop(graceMs)));
}

export interface HttpReply<T = any> {
  status: number;
  body: T;
  headers: http.IncomingHttpHeaders;
}

/**
 * Requests to an api process over real HTTP (node:http with a keep-alive agent: Node's fetch adds
 * tens of milliseconds to every request on a kept-alive connection here). JSON in and out.
 */
export class ApiClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

  constructor(
    readonly name: string,
    readonly baseUrl: string,
  ) {}

  request<T = any>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    opts: { token?: string; body?: unknown; raw?: { payload: Buffer; contentType: string } } = {},
  ): Promise<HttpReply<T>> {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let payload: Buffer | undefined;
    if (opts.raw) {
      payload = opts.raw.payload;
      headers['content-type'] = opts.raw.contentType;
    } else if (opts.body !== undefined) {
      payload = Buffer.from(JSON.stringify(opts.body), 'utf8');
      headers['content-type'] = 'application/json';
    }
    if (payload) headers['content-length'] = String(payload.length);
    return new Promise((resolve, reject) => {
      const req = http.request(new URL(path, this.baseUrl), { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const json = String(res.headers['content-type'] ?? '').includes('application/json') && text.length > 0;
          resolve({ status: res.statusCode ?? 0, body: (json ? JSON.parse(text) : text) as T, headers: res.headers });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
