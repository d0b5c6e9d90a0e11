import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, AppConfig, JobHandlerRegistry, QueueName, QueueRegistry, RelayedEvent, TransactionHost } from '@app/core';
import { OrganizationsService } from '@app/identity';
import { forEachChunk } from '../batch.util';
import { deliveryId } from '../delivery-id.util';
import { deliveryJobOptions, EMAIL_SEND_JOB, WEBHOOK_DELIVER_JOB } from '../delivery-jobs';
import { INBOX_BATCH, InboxRow, InboxService } from '../inbox/inbox.service';
import { renderMessage, RenderedMessage } from '../notification-templates';
import { audienceOf, IMPORT_SUMMARY_EVENT_TYPES, NOTIFY_EVENT_TYPES, NotifyEventType, presentedType, subjectOf } from '../notify-events';
import { NotifySubjects } from '../notify-subjects';
import { DEFAULT_MODES, PreferencesService } from '../preferences/preferences.service';
import { WebhooksService } from '../webhooks/webhooks.service';
import { RecipientsService } from './recipients.service';

export interface FanoutEvent {
  eventId: string;
  type: string;
  payload: Record<string, unknown>;
  createdAt: string;
}

export interface FanoutResult {
  recipients: number;
  inboxInserted: number;
  emails: number;
  webhooks: number;
  enqueued: number;
}

interface DeliveryRow {
  id: string;
  channel: 'email' | 'webhook';
  recipientId: string;
  organizationId: string;
  address: string;
  status: 'pending' | 'digest';
  message: Record<string, unknown> | RenderedMessage;
}

const ADD_BULK_CHUNK = 1000;
/** Chunks written at once, each on its own pool connection. */
const INSERT_PARALLEL = 3;

/**
 * One event → one delivery per recipient per channel, by preferences. Every write is keyed by
 * (event, recipient, channel) and idempotent, so the job can be re-run after a crash, a retry
 * or by a second worker: inbox rows and delivery rows are inserted with ON CONFLICT DO NOTHING,
 * then every still-pending delivery is (re)enqueued with its id as the BullMQ job id.
 */
@Injectable()
export class FanoutService implements OnModuleInit {
  private readonly logger = new Logger(FanoutService.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly registry: JobHandlerRegistry,
    private readonly queues: QueueRegistry,
    private readonly recipients: RecipientsService,
    private readonly preferences: PreferencesService,
    private readonly inbox: InboxService,
    private readonly webhooks: WebhooksService,
    private readonly subjects: NotifySubjects,
    private readonly organizations: OrganizationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    for (const type of [...NOTIFY_EVENT_TYPES, ...IMPORT_SUMMARY_EVENT_TYPES])
      this.registry.subscribe(QueueName.Notify, type, (job: Job<RelayedEvent>) => this.fanOut(job.data as unknown as FanoutEvent));
    this.subjects.register('organization', async (id) => (await this.organizations.findById(id))?.name ?? null);
  }

  async fanOut(event: FanoutEvent): Promise<FanoutResult> {
    const started = Date.now();
    const type = event.type as NotifyEventType;
    // What people know the event as (an import summary: the kind of message it stands for).
    const shown = presentedType(type);
    const payload = event.payload;
    const people = await this.recipients.resolve(audienceOf(type, payload));
    const [subjectTitle, modes] = await this.tx.all(
      () => this.subjects.describe(subjectOf(type, payload)),
      () =>
        this.preferences.modesFor(
          shown,
          people.map((p) => p.userId),
        ),
    );
    const messages = new Map<string | null, RenderedMessage>();
    const messageFor = (organizationId: string | null): RenderedMessage => {
      let m = messages.get(organizationId);
      if (!m) {
        m = renderMessage({
          type,
          payload,
          recipientOrganizationId: organizationId,
          subjectTitle,
          publicBaseUrl: this.config.linkBaseUrl,
        });
        messages.set(organizationId, m);
      }
      return m;
    };
    const resolved = Date.now();

    // The inbox first: it is what people see soonest.
    const inboxRows: InboxRow[] = [];
    for (const p of people) {
      if ((modes.get(p.userId) ?? DEFAULT_MODES).inbox === 'off') continue;
      const id = deliveryId(event.eventId, p.userId, 'inbox');
      inboxRows.push({
        id,
        eventId: event.eventId,
        eventType: shown,
        userId: p.userId,
        organizationId: p.organizationId,
        message: messageFor(p.organizationId),
      });
    }
    const inboxInserted = await this.inbox.insertMany(inboxRows);
    const inboxDone = Date.now();

    const deliveries: DeliveryRow[] = [];
    for (const p of people) {
      const mode = (modes.get(p.userId) ?? DEFAULT_MODES).email;
      if (mode === 'off' || !p.email) continue;
      deliveries.push({
        id: deliveryId(event.eventId, p.userId, 'email'),
        channel: 'email',
        recipientId: p.userId,
        organizationId: p.organizationId,
        address: p.email,
        status: mode === 'digest' ? 'digest' : 'pending',
        message: messageFor(p.organizationId),
      });
    }
    const organizationIds = [...new Set(people.map((p) => p.organizationId))];
    // An endpoint that takes a kind of message takes the summaries standing for it too (a bureau's
    // endpoint for need.submitted gets an import's need.import-submitted), under their own type.
    for (const e of await this.webhooks.endpointsFor(organizationIds, [...new Set([type, shown])])) {
      deliveries.push({
        id: deliveryId(event.eventId, e.id, 'webhook'),
        channel: 'webhook',
        recipientId: e.id,
        organizationId: e.organization_id,
        address: e.url,
        status: 'pending',
        message: { ...messageFor(e.organization_id), payload, createdAt: event.createdAt },
      });
    }
    await this.insertDeliveries(event, type, deliveries);
    const enqueued = await this.enqueuePending(event.eventId);
    const result: FanoutResult = {
      recipients: people.length,
      inboxInserted,
      emails: deliveries.filter((d) => d.channel === 'email').length,
      webhooks: deliveries.filter((d) => d.channel === 'webhook').length,
      enqueued,
    };
    this.logger.debug(
      {
        eventId: event.eventId,
        type,
        ...result,
        resolveMs: resolved - started,
        inboxMs: inboxDone - resolved,
        deliveriesMs: Date.now() - inboxDone,
      },
      'fan-out',
    );
    return result;
  }

  private async insertDeliveries(event: FanoutEvent, type: string, rows: DeliveryRow[]): Promise<void> {
    const json = new Map<Record<string, unknown> | RenderedMessage, string>();
    const jsonOf = (m: Record<string, unknown> | RenderedMessage): string => {
      let s = json.get(m);
      if (s === undefined) json.set(m, (s = JSON.stringify(m)));
      return s;
    };
    await forEachChunk(rows, INBOX_BATCH, INSERT_PARALLEL, async (b) => {
      await this.tx.manager.query(
        `INSERT INTO notification_delivery (id, event_id, event_type, channel, recipient_id, organization_id, address, status, message)
         SELECT u.id, $1::uuid, $2, u.channel, u.recipient_id, u.organization_id, u.address, u.status, u.message
         FROM unnest($3::uuid[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::jsonb[])
           AS u(id, channel, recipient_id, organization_id, address, status, message)
         ON CONFLICT DO NOTHING`,
        [
          event.eventId,
          type,
          b.map((d) => d.id),
          b.map((d) => d.channel),
          b.map((d) => d.recipientId),
          b.map((d) => d.organizationId),
          b.map((d) => d.address),
          b.map((d) => d.status),
          b.map((d) => jsonOf(d.message)),
        ],
      );
    });
  }

  /** Adds a job for every pending delivery of the event; a job id already in Redis is left alone. */
  private async enqueuePending(eventId: string): Promise<number> {
    const pending: { id: string; channel: 'email' | 'webhook' }[] = await this.tx.manager.query(
      `SELECT id, channel FROM notification_delivery WHERE event_id = $1 AND status = 'pending'`,
      [eventId],
    );
    for (const [channel, queue, name] of [
      ['email', QueueName.Email, EMAIL_SEND_JOB],
      ['webhook', QueueName.Webhook, WEBHOOK_DELIVER_JOB],
    ] as const) {
      const ids = pending.filter((p) => p.channel === channel).map((p) => p.id);
      for (let i = 0; i < ids.length; i += ADD_BULK_CHUNK) {
        await this.queues
          .get(queue)
          .addBulk(
            ids.slice(i, i + ADD_BULK_CHUNK).map((id) => ({ name, data: { deliveryId: id }, opts: deliveryJobOptions(this.config, id) })),
          );
      }
    }
    return pending.length;
  }
}
