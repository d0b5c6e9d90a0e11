import 'reflect-metadata';
import { loadConfigOrExit } from '@app/core';
import { startWorker } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const worker = await startWorker(config);
  process.stdout.write('worker started\n');
  // Graceful shutdown: running jobs finish, nothing new is taken, then the process exits.
  const shutdown = (signal: string): void => {
    process.stdout.write(`worker stopping on ${signal}\n`);
    void worker.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

void main();
