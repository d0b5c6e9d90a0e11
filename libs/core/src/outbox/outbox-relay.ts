import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobHandlerRegistry } from '../queue/job-handler.registry';
import { QueueName } from '../queue/queue-names';
import { QueueRegistry } from '../queue/queue-registry';
import { withTimeout } from '../time/with-timeout';

/** How long a relay pass waits for Redis before it gives up and leaves the rows for later. */
const ADD_TIMEOUT_MS = 5_000;

interface PendingRow {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

/**
 * Moves committed outbox events to BullMQ, the event id as the job id (so relaying twice
 * adds nothing), then marks them relayed. When Redis is down the rows stay and are retried.
 */
@Injectable()
export class OutboxRelay implements OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopped = true;
  private currentPass: Promise<number> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
    private readonly handlers: JobHandlerRegistry,
  ) {}

  /** Relays up to `limit` events; returns how many were relayed. */
  async relayOnce(limit = 1000): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const rows: PendingRow[] = await m.query(
        `SELECT id, type, payload, created_at FROM outbox_event WHERE relayed_at IS NULL
         ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return 0;
      const byQueue = new Map<QueueName, PendingRow[]>();
      for (const row of rows) {
        for (const q of this.handlers.queuesFor(row.type)) byQueue.set(q, [...(byQueue.get(q) ?? []), row]);
      }
      try {
        for (const [queue, events] of byQueue) {
          await withTimeout(
            this.queues.get(queue).addBulk(
              events.map((e) => ({
                name: e.type,
                data: { eventId: e.id, type: e.type, payload: e.payload, createdAt: new Date(e.created_at).toISOString() },
                opts: { jobId: e.id },
              })),
            ),
            ADD_TIMEOUT_MS,
            `Redis did not accept ${events.length} jobs on ${queue}`,
          );
        }
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        // Recorded and committed; the rows stay pending and the next pass tries again.
        await m.query(`UPDATE outbox_event SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`, [
          rows.map((r) => r.id),
          message.slice(0, 500),
        ]);
        this.logger.warn(`outbox relay waiting: ${message}`);
        return 0;
      }
      await m.query(`UPDATE outbox_event SET relayed_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])`, [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }

  /** Polls until stopped; a full batch is followed at once by the next one. */
  start(intervalMs = 100): void {
    this.stopped = false;
    const tick = async (): Promise<void> => {
      if (this.stopped || this.running) return;
      this.running = true;
      let delay = intervalMs;
      try {
        this.currentPass = this.relayOnce();
        const n = await this.currentPass;
        if (n >= 1000) delay = 0;
      } catch (err) {
        delay = Math.max(intervalMs, 1000);
        this.logger.warn(`outbox relay waiting: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        this.running = false;
        this.currentPass = null;
      }
      if (!this.stopped) this.timer = setTimeout(() => void tick(), delay);
    };
    void tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.currentPass) await this.currentPass.catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }
}
