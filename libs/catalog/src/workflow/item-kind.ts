import type { ErrorDetail, OrganizationKind, OutboxService } from '@app/core';
import type { CatalogItem } from '../catalog-item.entity';
import type { QualityReport } from '../quality/quality.util';

export type ItemType = 'need' | 'result';

export interface ItemEventBase {
  id: string;
  organizationId: string;
  actorUserId: string | null;
}

/** The domain events of one kind of item, each written through the outbox. */
export interface ItemEvents {
  submitted(outbox: OutboxService, e: ItemEventBase): Promise<unknown>;
  approved(outbox: OutboxService, e: ItemEventBase): Promise<unknown>;
  rejected(outbox: OutboxService, e: ItemEventBase, reason: string): Promise<unknown>;
  closed(outbox: OutboxService, e: ItemEventBase): Promise<unknown>;
  corrected(outbox: OutboxService, e: ItemEventBase, reason: string): Promise<unknown>;
}

/** What the shared workflow needs to know about needs or results. */
export interface ItemKind<T extends CatalogItem> {
  type: ItemType;
  /** 需求 / 成果, for messages. */
  label: string;
  entity: new () => T;
  ownerKinds: OrganizationKind[];
  ownerKindMessage: string;
  /** The long text column (searched by `q`). */
  textColumn: string;
  /** The money column behind sort=price. */
  priceColumn: string;
  assess(item: T): QualityReport;
  /** Problems of the merged item that single-field validation cannot see (e.g. budget order). */
  consistency(item: T): ErrorDetail[];
  /** Problems that block submission besides the quality errors (e.g. a deadline already past). */
  submitProblems(item: T): ErrorDetail[];
  events: ItemEvents;
}
