import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit, OutboxRelay, QueueName, QueueWorkers } from '@app/core';
import { WorkerModule } from '../apps/worker/src/worker.module';

/**
 * The worker as bench/fanout.bench.ts runs it (a child process, started with ts-node so Nest
 * gets decorator metadata): the outbox relay at the production interval and the notify queue
 * only, so the measurement is the fan-out itself; the e-mail jobs it enqueues wait unsent.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: process.env.BENCH_DEBUG ? ['error', 'warn', 'log', 'debug'] : ['error', 'warn'],
  });
  app.get(QueueWorkers).start([QueueName.Notify]);
  app.get(OutboxRelay).start(100);
  process.stdout.write('bench worker started\n');
  process.once('SIGTERM', () => {
    void (async () => {
      await app.get(OutboxRelay).stop();
      await app.get(QueueWorkers).stop();
      await app.close();
      process.exit(0);
    })();
  });
}

void main();
