import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QueueName } from './queue-names';

export type JobHandlerFn = (job: Job) => Promise<unknown>;

/**
 * Which handler runs each job name on each queue, and which event types each queue
 * subscribes to. Libraries register in `onModuleInit`; the worker checks at start that
 * every subscribed event and every scheduled job name has exactly one handler.
 */
@Injectable()
export class JobHandlerRegistry {
  private readonly handlers = new Map<QueueName, Map<string, JobHandlerFn>>();
  private readonly subscriptions = new Map<string, Set<QueueName>>();

  /** Registers the handler of `jobName` on `queue`; a second handler for the same name fails. */
  handle(queue: QueueName, jobName: string, fn: JobHandlerFn): void {
    const byName = this.handlers.get(queue) ?? new Map<string, JobHandlerFn>();
    if (byName.has(jobName)) throw new Error(`job ${queue}/${jobName} has two handlers`);
    byName.set(jobName, fn);
    this.handlers.set(queue, byName);
  }

  /** Subscribes `queue` to an outbox event type and registers its handler. */
  subscribe(queue: QueueName, eventType: string, fn: JobHandlerFn): void {
    this.handle(queue, eventType, fn);
    const queues = this.subscriptions.get(eventType) ?? new Set<QueueName>();
    queues.add(queue);
    this.subscriptions.set(eventType, queues);
  }

  queuesFor(eventType: string): QueueName[] {
    return [...(this.subscriptions.get(eventType) ?? [])];
  }

  handlerFor(queue: QueueName, jobName: string): JobHandlerFn | undefined {
    return this.handlers.get(queue)?.get(jobName);
  }

  queuesWithHandlers(): QueueName[] {
    return [...this.handlers.keys()];
  }

  /** Fails when a declared job name has no handler. */
  assertHandled(expected: { queue: QueueName; jobName: string }[]): void {
    const missing = expected.filter((e) => !this.handlerFor(e.queue, e.jobName));
    if (missing.length) throw new Error(`jobs without a handler: ${missing.map((m) => `${m.queue}/${m.jobName}`).join(', ')}`);
  }
}
