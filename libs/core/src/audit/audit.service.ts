import { Injectable } from '@nestjs/common';
import { TransactionHost } from '../database/transaction-host';
import { AuditEntry } from './audit-entry.entity';

export interface Actor {
  userId: string | null;
  organizationId: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, organizationId: null };

export interface AuditRecord {
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
  data?: Record<string, unknown> | null;
}

/** Writes the audit log inside the caller's transaction, so the log and the change commit together. */
@Injectable()
export class AuditService {
  constructor(private readonly tx: TransactionHost) {}

  async record(r: AuditRecord): Promise<void> {
    const repo = this.tx.repo(AuditEntry);
    const entry = repo.create({
      actorUserId: r.actor.userId,
      actorOrganizationId: r.actor.organizationId,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      fromState: r.from ?? null,
      toState: r.to ?? null,
      reason: r.reason ?? null,
      data: r.data ?? null,
    });
    await repo.save(entry);
  }

  /** The visible history of one item, oldest first. */
  async history(entityType: string, entityId: string): Promise<AuditEntry[]> {
    return this.tx.repo(AuditEntry).find({ where: { entityType, entityId }, order: { at: 'ASC', id: 'ASC' } });
  }
}
