import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { APP_CONFIG, AppConfig, JobHandlerRegistry, QueueName, TransactionHost, updateReturning } from '@app/core';
import { UsersService } from '@app/identity';
import { DeliveryJobData, isLastAttempt, WEBHOOK_DELIVER_JOB } from '../delivery-jobs';
import { deliveryId } from '../delivery-id.util';
import { InboxService } from '../inbox/inbox.service';
import { renderMessage } from '../notification-templates';
import { WEBHOOK_DISABLED } from '../notify-events';
import { postJson } from './webhook-http.util';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './webhook-signature.util';
import { allowPrivateTargets } from './webhooks.service';

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  organization_id: string | null;
  status: string;
  message: Record<string, unknown>;
  endpoint_id: string;
  url: string;
  secret: string;
  enabled: boolean;
}

/**
 * Sends one webhook delivery: a signed JSON POST, each attempt logged. A non-2xx answer is
 * retried with exponential backoff (bounded by the attempts); the last failure marks the
 * delivery failed and counts against the endpoint, which is disabled after N in a row.
 * Receivers dedupe by the delivery id header (a crash right after a POST may repeat it).
 */
@Injectable()
export class WebhookDeliveryProcessor implements OnModuleInit {
  private readonly logger = new Logger(WebhookDeliveryProcessor.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly registry: JobHandlerRegistry,
    private readonly inbox: InboxService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.handle(QueueName.Webhook, WEBHOOK_DELIVER_JOB, (job: Job<DeliveryJobData>) => this.deliver(job));
  }

  async deliver(job: Job<DeliveryJobData>): Promise<string> {
    const q = this.tx.manager;
    const [row]: DeliveryRow[] = await q.query(
      `SELECT d.id, d.event_id, d.event_type, d.organization_id, d.status, d.message, e.id AS endpoint_id, e.url, e.secret, e.enabled
       FROM notification_delivery d JOIN webhook_endpoint e ON e.id = d.recipient_id WHERE d.id = $1`,
      [job.data.deliveryId],
    );
    if (!row) return 'missing';
    if (row.status !== 'pending') return row.status;
    if (!row.enabled) {
      await q.query(
        `UPDATE notification_delivery SET status = 'failed', last_error = $2, updated_at = now() WHERE id = $1 AND status = 'pending'`,
        [row.id, '接收地址已停用'],
      );
      return 'failed';
    }
    const [{ attempts }]: { attempts: number }[] = await updateReturning(
      q,
      `UPDATE notification_delivery SET attempts = attempts + 1, updated_at = now() WHERE id = $1 RETURNING attempts`,
      [row.id],
    );
    const body = JSON.stringify({
      id: row.id,
      eventId: row.event_id,
      type: row.event_type,
      organizationId: row.organization_id,
      createdAt: row.message.createdAt,
      title: row.message.title,
      body: row.message.body,
      link: row.message.link,
      data: row.message.payload,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signWebhook(row.secret, timestamp, body),
      [DELIVERY_HEADER]: row.id,
      [EVENT_HEADER]: row.event_type,
    };
    const outcome = await postJson(row.url, body, headers, this.config.webhookTimeoutMs, allowPrivateTargets(this.config));
    const ok = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
    const error = ok ? null : (outcome.error ?? `HTTP ${outcome.statusCode}`);
    await q.query(
      `INSERT INTO webhook_attempt (delivery_id, endpoint_id, attempt, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)`,
      [row.id, row.endpoint_id, attempts, outcome.statusCode, error, outcome.durationMs],
    );
    if (ok) {
      await q.query(
        `UPDATE notification_delivery SET status = 'sent', delivered_at = now(), last_error = NULL, updated_at = now() WHERE id = $1`,
        [row.id],
      );
      await q.query(`UPDATE webhook_endpoint SET consecutive_failures = 0 WHERE id = $1 AND consecutive_failures <> 0`, [row.endpoint_id]);
      return 'sent';
    }
    if (!isLastAttempt(job)) {
      await q.query(`UPDATE notification_delivery SET last_error = $2, updated_at = now() WHERE id = $1`, [row.id, error]);
      throw new Error(`webhook ${row.id}: ${error}`);
    }
    await q.query(`UPDATE notification_delivery SET status = 'failed', last_error = $2, updated_at = now() WHERE id = $1`, [row.id, error]);
    await this.countFailure(row.endpoint_id);
    throw new UnrecoverableError(`webhook ${row.id} failed after ${attempts} attempts: ${error}`);
  }

  /** One more failed delivery in a row; at the limit the endpoint is disabled and its admins told. */
  private async countFailure(endpointId: string): Promise<void> {
    const limit = this.config.webhookDisableAfter;
    const rows: { organization_id: string; url: string; consecutive_failures: number; disabled_at: Date }[] = await updateReturning(
      this.tx.manager,
      `UPDATE webhook_endpoint SET consecutive_failures = consecutive_failures + 1,
         enabled = CASE WHEN consecutive_failures + 1 >= $2 THEN false ELSE enabled END,
         disabled_at = CASE WHEN consecutive_failures + 1 >= $2 AND enabled THEN now() ELSE disabled_at END,
         disabled_reason = CASE WHEN consecutive_failures + 1 >= $2 AND enabled THEN $3 ELSE disabled_reason END,
         updated_at = now()
       WHERE id = $1
       RETURNING organization_id, url, consecutive_failures, disabled_at, (consecutive_failures = $2) AS just_disabled`,
      [endpointId, limit, `连续 ${limit} 次投递失败，已自动停用`],
    );
    const r = rows[0] as (typeof rows)[number] & { just_disabled: boolean };
    if (!r?.just_disabled) return;
    this.logger.warn(`webhook endpoint ${endpointId} disabled after ${limit} failed deliveries`);
    const admins = (await this.users.membersOf(r.organization_id)).filter((u) => u.role === 'admin');
    const eventId = deliveryId(endpointId, new Date(r.disabled_at).toISOString(), WEBHOOK_DISABLED);
    const message = renderMessage({
      type: WEBHOOK_DISABLED,
      payload: { url: r.url, failures: limit },
      recipientOrganizationId: r.organization_id,
      subjectTitle: null,
      publicBaseUrl: this.config.linkBaseUrl,
    });
    await this.inbox.insertMany(
      admins.map((u) => ({
        id: deliveryId(eventId, u.id, 'inbox'),
        eventId,
        eventType: WEBHOOK_DISABLED,
        userId: u.id,
        organizationId: r.organization_id,
        message,
      })),
    );
  }
}
