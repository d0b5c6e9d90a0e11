import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppConfig, OutboxRelay, QueueName, QueueWorkers } from '@app/core';
import { SearchStatsService } from '@app/matching';
import { WorkerModule } from './worker.module';

export interface RunningWorker {
  app: INestApplicationContext;
  stop(): Promise<void>;
}

/**
 * Starts the outbox relay and one BullMQ worker per queue — or per queue named in WORKER_QUEUES, so
 * that a busy queue (matching, an import's indexing) can get processes of its own (used by main.ts
 * and the tests).
 */
export async function startWorker(config: AppConfig, options: { relayIntervalMs?: number } = {}): Promise<RunningWorker> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const relay = app.get(OutboxRelay);
  const workers = app.get(QueueWorkers);
  const queues = config.workerQueues ? (config.workerQueues as QueueName[]) : undefined;
  // A worker that matches keeps the corpus statistics loaded: its first match does not wait for them.
  if (!queues || queues.includes(QueueName.Match)) app.get(SearchStatsService).keepCurrent();
  workers.start(queues);
  relay.start(options.relayIntervalMs ?? 100);
  let stopped = false;
  return {
    app,
    async stop() {
      if (stopped) return;
      stopped = true;
      await relay.stop();
      await workers.stop();
      await app.close();
    },
  };
}
