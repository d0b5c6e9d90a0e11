import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandlerRegistry, QueueName, QueueRegistry, TransactionHost, updateReturning, withTimeout } from '@app/core';
import { errorText } from '../delivery-jobs';
import { Reminder } from '../notify.entities';

export interface ReminderJobData {
  key: string;
  fireAt: string;
}

export type ReminderHandler = (data: Record<string, unknown>, key: string) => Promise<void>;

/** A reminder whose row is not visible yet is retried for this long (the scheduling transaction may not have committed). */
const UNCOMMITTED_GRACE_MS = 30_000;
/** How long schedule() waits for Redis before going on without it. */
const ENQUEUE_WAIT_MS = 2000;
const RETRY_MS = 2000;

/**
 * Delayed jobs that fire at a time ("3 days before the deadline"), for any library:
 * `schedule(key, at, jobName, data)` stores the reminder and adds a delayed BullMQ job whose id
 * is the key plus the time, so scheduling again with the same time is a no-op and a new time
 * replaces the old job; `cancel(key)` when the item closes. The row is the truth: a job fires
 * its handler only if the row still says "scheduled" for that very time, so a replaced or
 * cancelled reminder that was already in Redis does nothing. If Redis is down when scheduling,
 * `resync()` (run at start) re-adds the jobs.
 */
@Injectable()
export class RemindersService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RemindersService.name);
  private readonly unqueued = new Set<string>();
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly tx: TransactionHost,
    private readonly registry: JobHandlerRegistry,
    private readonly queues: QueueRegistry,
  ) {}

  /** Registers what happens when reminders of `jobName` fire (call in onModuleInit). */
  handle(jobName: string, fn: ReminderHandler): void {
    this.registry.handle(QueueName.Reminder, jobName, (job: Job<ReminderJobData>) => this.fire(job, fn));
  }

  async schedule(key: string, at: Date, jobName: string, data: Record<string, unknown> = {}): Promise<void> {
    const previous = await this.tx.repo(Reminder).findOne({ where: { key } });
    await this.tx.manager.query(
      `INSERT INTO reminder (key, job_name, fire_at, data, status) VALUES ($1, $2, $3, $4, 'scheduled')
       ON CONFLICT (key) DO UPDATE SET job_name = EXCLUDED.job_name, fire_at = EXCLUDED.fire_at, data = EXCLUDED.data,
         status = 'scheduled', fired_at = NULL, updated_at = now()`,
      [key, jobName, at, JSON.stringify(data)],
    );
    if (previous && previous.fireAt.getTime() !== at.getTime()) await this.removeJob(key, previous.fireAt);
    // BullMQ waits (rather than fails) while Redis is down: never hold the caller's transaction for it.
    // This process retries until Redis takes the job; resync() at start covers a process that died meanwhile.
    await withTimeout(this.addJob(key, at, jobName), ENQUEUE_WAIT_MS).catch((err) => {
      this.logger.warn(`reminder ${key} not queued yet, retrying: ${errorText(err)}`);
      this.queueLater(key);
    });
  }

  async cancel(key: string): Promise<boolean> {
    const rows: { fire_at: Date }[] = await updateReturning(
      this.tx.manager,
      `UPDATE reminder SET status = 'cancelled', updated_at = now() WHERE key = $1 AND status = 'scheduled' RETURNING fire_at`,
      [key],
    );
    if (rows.length) await this.removeJob(key, new Date(rows[0].fire_at));
    return rows.length > 0;
  }

  async get(key: string): Promise<Reminder | null> {
    return this.tx.repo(Reminder).findOne({ where: { key } });
  }

  /** Re-adds the job of every scheduled reminder (idempotent by job id). */
  async resync(): Promise<number> {
    const rows = await this.tx.repo(Reminder).find({ where: { status: 'scheduled' } });
    for (const r of rows) await this.addJob(r.key, r.fireAt, r.jobName);
    return rows.length;
  }

  /** Not awaited: an app must start even while Redis is down. */
  onApplicationBootstrap(): void {
    void this.resync().catch((err) => this.logger.warn(`reminder resync failed: ${errorText(err)}`));
  }

  onModuleDestroy(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** Retries, in this process, the jobs Redis could not take; the row still decides whether they fire. */
  private queueLater(key: string): void {
    this.unqueued.add(key);
    this.retryTimer ??= setTimeout(() => void this.retryUnqueued(), RETRY_MS);
  }

  private async retryUnqueued(): Promise<void> {
    this.retryTimer = null;
    for (const key of [...this.unqueued]) {
      try {
        const r = await this.tx.repo(Reminder).findOne({ where: { key } });
        if (r?.status === 'scheduled') await withTimeout(this.addJob(r.key, r.fireAt, r.jobName), ENQUEUE_WAIT_MS);
        this.unqueued.delete(key);
      } catch {
        // Still unreachable: next round.
      }
    }
    if (this.unqueued.size) this.retryTimer = setTimeout(() => void this.retryUnqueued(), RETRY_MS);
  }

  static jobId(key: string, at: Date): string {
    return `reminder-${key.replace(/:/g, '_')}-${at.getTime()}`;
  }

  private async addJob(key: string, at: Date, jobName: string): Promise<void> {
    await this.queues
      .get(QueueName.Reminder)
      .add(
        jobName,
        { key, fireAt: at.toISOString() },
        { jobId: RemindersService.jobId(key, at), delay: Math.max(0, at.getTime() - Date.now()) },
      );
  }

  private async removeJob(key: string, at: Date): Promise<void> {
    // Best effort (a job left behind finds its row replaced or cancelled and does nothing).
    await withTimeout(this.queues.get(QueueName.Reminder).remove(RemindersService.jobId(key, at)), ENQUEUE_WAIT_MS).catch(() => undefined);
  }

  private async fire(job: Job<ReminderJobData>, fn: ReminderHandler): Promise<string> {
    const { key, fireAt } = job.data;
    const r = await this.tx.repo(Reminder).findOne({ where: { key } });
    if (!r) {
      if (Date.now() - job.timestamp < UNCOMMITTED_GRACE_MS + (job.opts.delay ?? 0)) throw new Error(`reminder ${key} not visible yet`);
      return 'gone';
    }
    if (r.status !== 'scheduled' || r.fireAt.getTime() !== new Date(fireAt).getTime()) return 'superseded';
    // Claim the row and run the handler in one transaction (the handler's outbox rows join it):
    // a retry after a failure finds the row still scheduled, a second run finds it fired.
    return this.tx.run(async (m) => {
      const claimed = await updateReturning(
        m,
        `UPDATE reminder SET status = 'fired', fired_at = now(), updated_at = now()
          WHERE key = $1 AND fire_at = $2 AND status = 'scheduled' RETURNING key`,
        [key, r.fireAt],
      );
      if (claimed.length === 0) return 'superseded';
      await fn(r.data, key);
      return 'fired';
    });
  }
}
