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
 * replaces a process that dies while serving, stops when one cannot start (as a single process
 * would), and on SIGTERM or SIGINT stops them all gracefully.
 */
function supervise(config: AppConfig): void {
  let stopping = false;
  let announced = false;
  const serving = new Set<Worker>();
  const fork = (): Worker => cluster.fork();
  const stopAll = (code: number): void => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    if (workers.length === 0) process.exit(code);
    for (const w of workers) w.process.kill('SIGTERM');
    setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
    }, STOP_GRACE_MS).unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(code);
    });
  };
  cluster.on('listening', (worker) => {
    serving.add(worker);
    if (!announced && serving.size === config.apiProcesses) {
      announced = true;
      say(`api listening on http://${config.host}:${config.port} (docs at /docs), ${config.apiProcesses} processes`);
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const wasServing = serving.delete(worker);
    process.stderr.write(`api process ${worker.process.pid} exited (${signal ?? `code ${code}`})\n`);
    if (wasServing) fork();
    else stopAll(code || 1);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stopAll(0));
  for (let i = 0; i < config.apiProcesses; i++) fork();
}

const config = loadConfigOrExit();
if (config.apiProcesses > 1 && cluster.isPrimary) supervise(config);
else void serve(config, cluster.isWorker);
