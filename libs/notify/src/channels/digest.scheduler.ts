import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, chinaDate, JobHandlerRegistry, QueueName, QueueRegistry, TransactionHost } from '@app/core';
import { DIGEST_DAILY_JOB, EMAIL_DIGEST_JOB, errorText } from '../delivery-jobs';

export const DIGEST_SCHEDULER_ID = 'notify-daily-digest';

/**
 * The daily digest: a BullMQ job scheduler fires once a day at DIGEST_HOUR (Asia/Shanghai) and
 * queues one digest job per person who has match e-mails waiting, its job id keyed by person
 * and day, so a repeated run the same day adds nothing.
 */
@Injectable()
export class DigestScheduler implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(DigestScheduler.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly registry: JobHandlerRegistry,
    private readonly queues: QueueRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.handle(QueueName.Email, DIGEST_DAILY_JOB, () => this.queueDigests());
  }

  /** Not awaited: an app must start even while Redis is down (the next start schedules it then). */
  onApplicationBootstrap(): void {
    void this.queues
      .get(QueueName.Email)
      .upsertJobScheduler(
        DIGEST_SCHEDULER_ID,
        { pattern: `0 ${this.config.digestHour} * * *`, tz: 'Asia/Shanghai' },
        { name: DIGEST_DAILY_JOB },
      )
      .catch((err) => this.logger.warn(`daily digest not scheduled: ${errorText(err)}`));
  }

  /** Queues one digest per person with waiting digest deliveries; returns how many. */
  async queueDigests(now = new Date()): Promise<number> {
    const users: { recipient_id: string }[] = await this.tx.manager.query(
      `SELECT DISTINCT recipient_id FROM notification_delivery WHERE channel = 'email' AND status = 'digest'`,
    );
    const day = chinaDate(now);
    await this.queues.get(QueueName.Email).addBulk(
      users.map((u) => ({
        name: EMAIL_DIGEST_JOB,
        data: { userId: u.recipient_id },
        opts: {
          jobId: `digest-${u.recipient_id}-${day}`,
          attempts: this.config.notifyMaxAttempts,
          backoff: { type: 'exponential', delay: this.config.notifyBackoffMs },
        },
      })),
    );
    return users.length;
  }
}
