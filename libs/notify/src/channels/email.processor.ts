import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { APP_CONFIG, AppConfig, JobHandlerRegistry, QueueName, TransactionHost, updateReturning } from '@app/core';
import { DeliveryJobData, DigestJobData, EMAIL_DIGEST_JOB, EMAIL_SEND_JOB, errorText, isLastAttempt } from '../delivery-jobs';
import { renderDigest, RenderedMessage } from '../notification-templates';
import { isPermanentSmtpError, Mailer } from './mailer';

/**
 * E-mail deliveries, at most once each: a delivery is claimed (pending → sending) before the
 * SMTP call and marked sent after it. An SMTP error puts it back to pending for the retry; a
 * delivery found still "sending" means a worker died mid-call, so it is marked unknown
 * rather than sent a second time.
 */
@Injectable()
export class EmailProcessor implements OnModuleInit {
  constructor(
    private readonly tx: TransactionHost,
    private readonly registry: JobHandlerRegistry,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.handle(QueueName.Email, EMAIL_SEND_JOB, (job: Job<DeliveryJobData>) => this.send(job));
    this.registry.handle(QueueName.Email, EMAIL_DIGEST_JOB, (job: Job<DigestJobData>) => this.sendDigest(job));
  }

  async send(job: Job<DeliveryJobData>): Promise<string> {
    const claimed = await this.claim([job.data.deliveryId], 'pending');
    if (claimed.length === 0) return this.settleUnclaimed(job.data.deliveryId);
    const d = claimed[0];
    await this.sendOrRelease([d.id], d.address, d.message as unknown as RenderedMessage, job, 'pending', d.id);
    return 'sent';
  }

  /** All of one person's digest deliveries in one message. */
  async sendDigest(job: Job<DigestJobData>): Promise<string> {
    const ids: { id: string }[] = await this.tx.manager.query(
      `SELECT id FROM notification_delivery WHERE recipient_id = $1 AND channel = 'email' AND status = 'digest' ORDER BY created_at LIMIT 200`,
      [job.data.userId],
    );
    const claimed = await this.claim(
      ids.map((r) => r.id),
      'digest',
    );
    if (claimed.length === 0) return 'empty';
    const digest = renderDigest(
      claimed.map((c) => c.message as unknown as RenderedMessage),
      this.config.linkBaseUrl,
    );
    await this.sendOrRelease(
      claimed.map((c) => c.id),
      claimed[0].address,
      digest,
      job,
      'digest',
      `digest-${job.id}`,
    );
    return `sent ${claimed.length}`;
  }

  private async claim(
    ids: string[],
    from: 'pending' | 'digest',
  ): Promise<{ id: string; address: string; message: Record<string, unknown> }[]> {
    if (ids.length === 0) return [];
    return updateReturning(
      this.tx.manager,
      `UPDATE notification_delivery SET status = 'sending', claimed_at = now(), attempts = attempts + 1, updated_at = now()
       WHERE id = ANY($1::uuid[]) AND status = $2 RETURNING id, address, message`,
      [ids, from],
    );
  }

  private async sendOrRelease(
    ids: string[],
    to: string,
    message: RenderedMessage,
    job: Job,
    releaseTo: 'pending' | 'digest',
    messageKey: string,
  ): Promise<void> {
    try {
      await this.mailer.send(to, message, { 'X-TT-Delivery': messageKey });
    } catch (err) {
      const final = isLastAttempt(job) || isPermanentSmtpError(err);
      await this.tx.manager.query(
        `UPDATE notification_delivery SET status = $2, last_error = $3, updated_at = now() WHERE id = ANY($1::uuid[]) AND status = 'sending'`,
        [ids, final ? 'failed' : releaseTo, errorText(err)],
      );
      if (isPermanentSmtpError(err)) throw new UnrecoverableError(errorText(err));
      throw err;
    }
    await this.tx.manager.query(
      `UPDATE notification_delivery SET status = 'sent', delivered_at = now(), last_error = NULL, updated_at = now() WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  private async settleUnclaimed(id: string): Promise<string> {
    const [row]: { status: string }[] = await updateReturning(
      this.tx.manager,
      `UPDATE notification_delivery SET status = CASE WHEN status = 'sending' THEN 'unknown' ELSE status END,
         last_error = CASE WHEN status = 'sending' THEN '发送过程中进程中断，为避免重复发送不再重试' ELSE last_error END,
         updated_at = now()
       WHERE id = $1 RETURNING status`,
      [id],
    );
    return row?.status ?? 'missing';
  }
}
