import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  AccessRegistry,
  APP_CONFIG,
  AppConfig,
  AuditService,
  actorOf,
  AuthUser,
  NotFoundError,
  Page,
  pageOffset,
  PageQueryDto,
  toPage,
  TransactionHost,
} from '@app/core';
import { WebhookLimitError, WebhookTargetRefusedError } from '../notify.errors';
import { NotificationDelivery, WebhookAttempt, WebhookEndpoint } from '../notify.entities';
import { assertPublicTarget } from './webhook-target.util';
import { newWebhookSecret } from './webhook-signature.util';

export const MAX_ENDPOINTS_PER_ORGANIZATION = 10;

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  enabled: boolean;
  disabledAt: string | null;
  disabledReason: string | null;
  consecutiveFailures: number;
  createdAt: string;
}

const toView = (e: WebhookEndpoint): WebhookEndpointView => ({
  id: e.id,
  url: e.url,
  description: e.description,
  eventTypes: e.eventTypes,
  enabled: e.enabled,
  disabledAt: e.disabledAt ? e.disabledAt.toISOString() : null,
  disabledReason: e.disabledReason,
  consecutiveFailures: e.consecutiveFailures,
  createdAt: e.createdAt.toISOString(),
});

/**
 * Private targets (loopback, the metadata service, Redis, Meilisearch…) only where the config says
 * so (ALLOW_PRIVATE_WEBHOOKS), or in tests, whose receivers listen on loopback. A development
 * install reachable by others is no place for them.
 */
export function allowPrivateTargets(config: Pick<AppConfig, 'allowPrivateWebhooks' | 'nodeEnv'>): boolean {
  return config.allowPrivateWebhooks || config.nodeEnv === 'test';
}

/** An organization's webhook endpoints and the log of their deliveries. */
@Injectable()
export class WebhooksService implements OnModuleInit {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
    private readonly access: AccessRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Only the organization's own admins: the bureau does not delete, re-enable or read another
    // organization's endpoints (docs/access.md).
    this.access.register('webhook.owner', async (user, id) => {
      const e = await this.tx.repo(WebhookEndpoint).findOne({ where: { id }, select: { id: true, organizationId: true } });
      return !!e && e.organizationId === user.organizationId;
    });
  }

  /** Registers a URL; the answer carries the signing secret, which is never shown again. */
  async register(
    user: AuthUser,
    input: { url: string; description?: string; eventTypes?: string[] },
  ): Promise<WebhookEndpointView & { secret: string }> {
    const problem = await assertPublicTarget(input.url, allowPrivateTargets(this.config));
    if (problem) throw new WebhookTargetRefusedError(problem);
    return this.tx.run(async () => {
      const count = await this.tx.repo(WebhookEndpoint).count({ where: { organizationId: user.organizationId } });
      if (count >= MAX_ENDPOINTS_PER_ORGANIZATION) throw new WebhookLimitError(MAX_ENDPOINTS_PER_ORGANIZATION);
      const secret = newWebhookSecret();
      const repo = this.tx.repo(WebhookEndpoint);
      const saved = await repo.save(
        repo.create({
          organizationId: user.organizationId,
          url: input.url,
          secret,
          description: input.description ?? null,
          eventTypes: [...new Set(input.eventTypes ?? [])],
          createdBy: user.userId,
        }),
      );
      await this.audit.record({
        actor: actorOf(user),
        action: 'webhook.register',
        entityType: 'webhook_endpoint',
        entityId: saved.id,
        data: { url: input.url },
      });
      const fresh = await repo.findOneOrFail({ where: { id: saved.id } });
      return { ...toView(fresh), secret };
    });
  }

  async list(user: AuthUser): Promise<WebhookEndpointView[]> {
    const rows = await this.tx.repo(WebhookEndpoint).find({ where: { organizationId: user.organizationId }, order: { createdAt: 'ASC' } });
    return rows.map(toView);
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    await this.tx.run(async () => {
      const res = await this.tx.repo(WebhookEndpoint).delete({ id });
      if (!res.affected) throw new NotFoundError('Webhook');
      await this.audit.record({ actor: actorOf(user), action: 'webhook.remove', entityType: 'webhook_endpoint', entityId: id });
    });
  }

  /** Turns a disabled endpoint back on (its failure count starts again from zero). */
  async enable(user: AuthUser, id: string): Promise<WebhookEndpointView> {
    return this.tx.run(async () => {
      const repo = this.tx.repo(WebhookEndpoint);
      const e = await repo.findOne({ where: { id } });
      if (!e) throw new NotFoundError('Webhook');
      const from = e.enabled ? 'enabled' : 'disabled';
      Object.assign(e, { enabled: true, disabledAt: null, disabledReason: null, consecutiveFailures: 0, updatedAt: new Date() });
      await repo.save(e);
      await this.audit.record({
        actor: actorOf(user),
        action: 'webhook.enable',
        entityType: 'webhook_endpoint',
        entityId: id,
        from,
        to: 'enabled',
      });
      return toView(e);
    });
  }

  /** Each delivery to the endpoint, newest first, with every attempt. */
  async deliveries(id: string, q: PageQueryDto) {
    const { skip, take } = pageOffset(q);
    const [rows, total] = await this.tx
      .repo(NotificationDelivery)
      .findAndCount({ where: { recipientId: id, channel: 'webhook' }, order: { createdAt: 'DESC', id: 'ASC' }, skip, take });
    const attempts = rows.length
      ? await this.tx
          .repo(WebhookAttempt)
          .createQueryBuilder('a')
          .where('a.delivery_id = ANY(:ids)', { ids: rows.map((r) => r.id) })
          .orderBy('a.attempt', 'ASC')
          .getMany()
      : [];
    const items = rows.map((d) => ({
      id: d.id,
      eventId: d.eventId,
      eventType: d.eventType,
      status: d.status,
      attempts: attempts
        .filter((a) => a.deliveryId === d.id)
        .map((a) => ({ attempt: a.attempt, statusCode: a.statusCode, error: a.error, durationMs: a.durationMs, at: a.at.toISOString() })),
      lastError: d.lastError,
      createdAt: d.createdAt.toISOString(),
      deliveredAt: d.deliveredAt ? d.deliveredAt.toISOString() : null,
    }));
    return toPage(items, total, q) satisfies Page<unknown>;
  }

  /** Enabled endpoints of these organizations that take any of these event types (all events, when they name none). */
  async endpointsFor(organizationIds: string[], eventTypes: string[]): Promise<{ id: string; organization_id: string; url: string }[]> {
    if (organizationIds.length === 0) return [];
    return this.tx.manager.query(
      `SELECT id, organization_id, url FROM webhook_endpoint
       WHERE enabled AND organization_id = ANY($1::uuid[]) AND (cardinality(event_types) = 0 OR event_types && $2::text[])`,
      [organizationIds, eventTypes],
    );
  }
}
