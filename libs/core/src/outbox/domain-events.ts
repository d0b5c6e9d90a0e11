/**
 * Every event that leaves through the outbox, tagged by type. Payloads carry ids, not
 * documents: handlers read the current state from PostgreSQL. Libraries add event types
 * here; the plumbing stays the same.
 */
export interface DomainEventPayloads {
  'organization.verified': { organizationId: string; actorUserId: string | null };
  'organization.rejected': { organizationId: string; actorUserId: string | null; reason: string };
}

export type DomainEventType = keyof DomainEventPayloads;

export type DomainEvent = {
  [K in DomainEventType]: { id: string; type: K; payload: DomainEventPayloads[K]; createdAt: string };
}[DomainEventType];
