import { Injectable } from '@nestjs/common';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { actorOf, type AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { TransactionHost } from '../database/transaction-host';
import { NotFoundError } from '../errors/domain-error';
import type { StateMachine } from './state-machine';

/** A row that moves through a state machine. */
export interface Stateful<S extends string> extends ObjectLiteral {
  id: string;
  status: S;
}

/** The row to move: loaded and locked here by id, or one the caller holds locked already. */
export type TransitionTarget<T> = { entity: EntityTarget<T>; id: string; notFound: string } | { entity: EntityTarget<T>; row: T };

export interface TransitionSteps<T, S extends string> {
  actor: AuthUser | null;
  /** Checks that come before the state check (access: a stranger is told 404 whatever the state). */
  guard?: (row: T) => Promise<void> | void;
  /** The domain's checks and changes once the state allows the action (it may still refuse). */
  apply?: (row: T, from: S) => Promise<void> | void;
  /** The audit reason, read after `apply`. */
  reason?: (row: T) => string | null;
  data?: Record<string, unknown> | null;
  /** The outbox events, written after the row is saved (same transaction). */
  emit?: (row: T, from: S) => Promise<unknown>;
}

/**
 * The one way a state changes: in the caller's transaction (or a new one), lock the row, guard,
 * check the table, apply, set the state, save, audit, emit. The five aggregates that used to do this
 * each in its own way (items, challenges, proposals, milestones, engagements) all go through here.
 */
@Injectable()
export class Transitions {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
  ) {}

  run<T extends Stateful<S>, S extends string, A extends string>(
    machine: StateMachine<S, A>,
    action: A,
    target: TransitionTarget<T>,
    steps: TransitionSteps<T, S>,
  ): Promise<T> {
    return this.tx.run(async () => {
      const row = 'row' in target ? target.row : await this.lock(target.entity, target.id, target.notFound);
      await steps.guard?.(row);
      const from = row.status;
      const to = machine.check(action, from);
      await steps.apply?.(row, from);
      row.status = to as T['status'];
      await this.tx.repo(target.entity).save(row);
      await this.audit.record({
        actor: actorOf(steps.actor),
        action: machine.auditAction(action),
        entityType: machine.entity,
        entityId: row.id,
        from,
        to,
        reason: steps.reason?.(row) ?? null,
        data: steps.data ?? null,
      });
      await steps.emit?.(row, from);
      return row;
    });
  }

  private async lock<T extends ObjectLiteral>(entity: EntityTarget<T>, id: string, notFound: string): Promise<T> {
    const row = await this.tx.repo(entity).findOne({ where: { id } as never, lock: { mode: 'pessimistic_write' } });
    if (!row) throw new NotFoundError(notFound);
    return row;
  }
}
