import type { ErrorDetail, OrganizationKind, OutboxService } from '@app/core';
import type { CatalogItem } from '../catalog-item.entity';
import type { QualityReport } from '../quality/quality.util';
import type { ItemField } from './item-fields';

export type ItemType = 'need' | 'result';

export interface ItemEventBase {
  id: string;
  organizationId: string;
  actorUserId: string | null;
  /** Set when the event is about a revision of the published item, not the item's own review. */
  revisionId?: string;
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
  /** The fields a revision may change, as the bureau's diff names them. */
  fields: ItemField[];
  events: ItemEvents;
}

/** The payload fields every item event carries (the revision's id only when it is about one). */
export function decisionOf(e: ItemEventBase): { organizationId: string; actorUserId: string | null; revisionId?: string } {
  return { organizationId: e.organizationId, actorUserId: e.actorUserId, ...(e.revisionId ? { revisionId: e.revisionId } : {}) };
}
