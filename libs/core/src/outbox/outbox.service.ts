import { Injectable } from '@nestjs/common';
import { TransactionHost } from '../database/transaction-host';
import { ChangeVersions } from '../redis/change-versions';
import { DomainEventPayloads, DomainEventType } from './domain-events';
import { OutboxEvent } from './outbox-event.entity';

/**
 * Records events in the caller's transaction: they commit or roll back with the change. Every
 * change worth an event also raises its subject's change version ("need" for `need.approved`)
 * once committed, which is what caches of derived figures are keyed on.
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly versions: ChangeVersions,
  ) {}

  async emit<K extends DomainEventType>(type: K, payload: DomainEventPayloads[K]): Promise<string> {
    if (!this.tx.inTransaction) throw new Error(`outbox event ${type} must be written inside a transaction`);
    const repo = this.tx.repo(OutboxEvent);
    const saved = await repo.save(repo.create({ type, payload: payload as unknown as Record<string, unknown> }));
    await this.versions.touch(type.split('.')[0]);
    return saved.id;
  }
}
