import { Inject, Injectable, Logger } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobHandlerRegistry } from './job-handler.registry';
import { QUEUE_SETTINGS, QueueName } from './queue-names';
import { QueueRegistry } from './queue-registry';
import { createRedisConnection } from './redis-connection';

/** How soon a worker tries again to fetch a job after Redis failed it. */
export const WORKER_RETRY_DELAY_MS = 1000;

/** The consumer side: one BullMQ Worker per queue that has handlers, each with its concurrency. */
@Injectable()
export class QueueWorkers {
  private readonly logger = new Logger(QueueWorkers.name);
  private readonly workers: Worker[] = [];
  private readonly connections: IORedis[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: JobHandlerRegistry,
    private readonly queues: QueueRegistry,
  ) {}

  start(only?: QueueName[]): void {
    for (const queue of this.registry.queuesWithHandlers()) {
      if (only && !only.includes(queue)) continue;
      const connection = createRedisConnection(this.config.redisUrl, 'worker');
      this.connections.push(connection);
      const worker = new Worker(queue, (job: Job) => this.dispatch(queue, job), {
        connection,
        prefix: this.queues.prefix,
        concurrency: QUEUE_SETTINGS[queue].concurrency,
        // After a failed fetch (Redis gone) BullMQ waits runRetryDelay before it tries again: 15 s
        // by default, per queue, so a Redis blip delayed each hop of a notification (outbox → fan-out
        // → delivery) by up to 15 s. The connection reconnects within 2 s (redis-connection.ts); so
        // do the workers.
        runRetryDelay: WORKER_RETRY_DELAY_MS,
        // A dead worker's jobs return to the queue once their lock lapses and the stalled-job check
        // runs: both follow QUEUE_LOCK_MS (30 s by default, BullMQ's own).
        lockDuration: this.config.queueLockMs,
        stalledInterval: this.config.queueLockMs,
      });
      worker.on('failed', (job, err) =>
        this.logger.warn({ queue, jobId: job?.id, name: job?.name, attempts: job?.attemptsMade, err: err.message }, 'job failed'),
      );
      worker.on('error', (err) => this.logger.warn({ queue, err: err.message }, 'worker error'));
      this.workers.push(worker);
    }
    this.logger.log(`workers started for ${this.workers.map((w) => w.name).join(', ')}`);
  }

  private async dispatch(queue: QueueName, job: Job): Promise<unknown> {
    const handler = this.registry.handlerFor(queue, job.name);
    if (!handler) throw new Error(`no handler for ${queue}/${job.name}`);
    return handler(job);
  }

  /**
   * Graceful: takes no new jobs and lets running ones finish for up to `graceMs`; jobs still
   * running then are released (BullMQ hands them to another worker after their lock expires).
   */
  async stop(graceMs = 20_000): Promise<void> {
    await Promise.allSettled(
      this.workers.map(async (w) => {
        const closing = w.close();
        const timedOut = await Promise.race([
          closing.then(() => false),
          new Promise<boolean>((r) => setTimeout(() => r(true), graceMs).unref()),
        ]);
        if (timedOut) {
          this.logger.warn(`worker ${w.name} still busy after ${graceMs} ms: forcing close`);
          await w.close(true);
        }
      }),
    );
    this.workers.length = 0;
    for (const c of this.connections) c.disconnect();
    this.connections.length = 0;
  }
}
