import 'reflect-metadata';
import cluster, { type Worker } from 'node:cluster';
import { AppConfig, loadConfigOrExit } from '@app/core';

/** A process that has not stopped this long after SIGTERM is killed. */
const STOP_GRACE_MS = 30_000;

const say = (line: string): void => void process.stdout.write(`${line}\n`);

/** Serves the api in this process. In a cluster the primary decides when to stop, so only SIGTERM closes it. */
async function serve(config: AppConfig, inCluster: boolean): Promise<void> {
  const { createApiApp } = await import('./bootstrap');
  // Ctrl-C reaches every process of the group; a cluster's processes wait for the primary's SIGTERM.
  if (inCluster) process.on('SIGINT', () => undefined);
  const app = await createApiApp(config, inCluster ? { shutdownSignals: ['SIGTERM'] } : {});
  await app.listen({ port: config.port, host: config.host });
  if (!inCluster) say(`api listening on http://${config.host}:${config.port} (docs at /docs)`);
}

/**
 * The primary of API_PROCESSES api processes sharing one port (node:cluster hands each new
 * connection to the next process). It says the api is listening once every process is; it
 * replaces a process that dies while serving (after a pause that doubles while they keep dying
 * within a minute), stops when one cannot start (as a single process would), and on SIGTERM or
 * SIGINT stops them all gracefully.
 */
function supervise(config: AppConfig): void {
  let stopping = false;
  let announced = false;
  const live = new Set<Worker>();
  const serving = new Set<Worker>();
  let recentDeaths: number[] = [];
  const fork = (): void => void live.add(cluster.fork());
  const stopAll = (code: number): void => {
    if (stopping) return;
    stopping = true;
    // Also the code if the primary ends by running out of work rather than through exit() below.
    process.exitCode = code;
    if (live.size === 0) process.exit(code);
    for (const w of live) w.process.kill('SIGTERM');
    setTimeout(() => {
      for (const w of live) w.process.kill('SIGKILL');
    }, STOP_GRACE_MS).unref();
  };
  cluster.on('listening', (worker) => {
    serving.add(worker);
    if (!announced && serving.size === config.apiProcesses) {
      announced = true;
      say(`api listening on http://${config.host}:${config.port} (docs at /docs), ${config.apiProcesses} processes`);
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    live.delete(worker);
    const wasServing = serving.delete(worker);
    if (stopping) {
      if (live.size === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    process.stderr.write(`api process ${worker.process.pid} exited (${signal ?? `code ${code}`})\n`);
    if (!wasServing) return stopAll(code || 1);
    const now = Date.now();
    recentDeaths = [...recentDeaths.filter((t) => now - t < 60_000), now];
    setTimeout(() => stopping || fork(), Math.min(30_000, 500 * 2 ** (recentDeaths.length - 1)));
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stopAll(0));
  for (let i = 0; i < config.apiProcesses; i++) fork();
}

const config = loadConfigOrExit();
if (config.apiProcesses > 1 && cluster.isPrimary) supervise(config);
else void serve(config, cluster.isWorker);
