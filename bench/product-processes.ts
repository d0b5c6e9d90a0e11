/**
 * The api and the worker as child processes of a bench (bench/import-pipeline.ts,
 * bench/stats.bench.ts, bench/http.bench.ts): from the sources through ts-node, or the production
 * build; their output to a file or kept in memory; stopped with SIGTERM, then SIGKILL.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from './import-fixtures';

const ROOT = join(__dirname, '..');

const TS_NODE = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];

/** Where `npx nest build api` / `npx nest build worker` put each entry point (see the Dockerfile). */
export const BUILT_ENTRY = {
  api: 'dist/apps/api/apps/api/src/main.js',
  worker: 'dist/apps/worker/apps/worker/src/main.js',
} as const;

/** A process of the product: from the sources through ts-node (the default), or the production build; output piped here or to a file. */
export interface SpawnOptions {
  built?: boolean;
  logFile?: string;
  /** Extra node flags (e.g. `--cpu-prof`), before the entry point. */
  nodeArgs?: string[];
}

export interface ProductProcess {
  child: ChildProcess;
  /** The last 20,000 characters it wrote. */
  output(): string;
  /** The first line it wrote that matches `pattern` (read from the start of its log file). */
  line(pattern: RegExp): string | undefined;
  /** SIGTERM, then SIGKILL after 30 s; resolves once it has exited. */
  stop(): Promise<void>;
}

function tail(file: string, chars: number): string {
  if (!existsSync(file)) return '';
  const fd = openSync(file, 'r');
  try {
    const size = statSync(file).size;
    const bytes = Math.min(size, chars * 3);
    const buf = Buffer.alloc(bytes);
    readSync(fd, buf, 0, bytes, size - bytes);
    return buf.toString('utf8').slice(-chars);
  } finally {
    closeSync(fd);
  }
}

function spawnProduct(app: keyof typeof BUILT_ENTRY, env: Record<string, string>, o: SpawnOptions): ProductProcess {
  let out = '';
  // A file, not a pipe, for a process under load: its log lines must not wait for this process to read them.
  const log = o.logFile ? openSync(o.logFile, 'w') : null;
  const child = spawn(
    process.execPath,
    [...(o.nodeArgs ?? []), ...(o.built ? [BUILT_ENTRY[app]] : [...TS_NODE, `apps/${app}/src/main.ts`])],
    {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json', ...env },
      stdio: log === null ? ['ignore', 'pipe', 'pipe'] : ['ignore', log, log],
    },
  );
  if (log !== null) closeSync(log);
  const keep = (d: Buffer) => void (out = (out + d.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    output: () => (o.logFile ? tail(o.logFile, 20_000) : out),
    line: (pattern) => {
      const text = o.logFile ? (existsSync(o.logFile) ? readFileSync(o.logFile, 'utf8') : '') : out;
      return text.split('\n').find((l) => pattern.test(l));
    },
    async stop() {
      if (!running()) return;
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(30_000)]);
      if (running()) child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * The real api, as its own process; `ready` resolves once it answers on `base` and has said it is
 * listening (with API_PROCESSES > 1, once every one of its processes is); it gives that line.
 */
export function spawnApi(env: Record<string, string>, o: SpawnOptions = {}): ProductProcess & { ready: (base: string) => Promise<string> } {
  const api = spawnProduct('api', env, o);
  const ready = async (base: string) => {
    for (let i = 0; i < 1200; i++) {
      if (api.child.exitCode !== null) throw new Error(`api exited: ${api.output()}`);
      // Its log lines are written asynchronously, and may follow this one by many kilobytes.
      const listening = api.line(/^api listening/);
      const ok =
        listening !== undefined &&
        (await fetch(`${base}/api/catalog/reference`).then(
          (r) => r.ok,
          () => false,
        ));
      if (ok) return listening;
      await sleep(100);
    }
    throw new Error(`api did not start: ${api.output()}`);
  };
  return { ...api, ready };
}

/** The real worker, as its own process, on the bench's schema and prefixes. */
export function spawnWorker(env: Record<string, string>, o: SpawnOptions = {}): ProductProcess & { started: Promise<void> } {
  const worker = spawnProduct('worker', env, o);
  const started = (async () => {
    for (let i = 0; i < 1800 && !worker.output().includes('worker started'); i++) {
      if (worker.child.exitCode !== null) throw new Error(`worker exited: ${worker.output()}`);
      await sleep(100);
    }
    if (!worker.output().includes('worker started')) throw new Error(`worker did not start: ${worker.output()}`);
  })();
  return { ...worker, started };
}
