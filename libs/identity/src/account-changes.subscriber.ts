import { Injectable } from '@nestjs/common';
import { ChangeVersions, TransactionHost } from '@app/core';
import {
  DataSource,
  EntitySubscriberInterface,
  InsertEvent,
  QueryRunner,
  RemoveEvent,
  SoftRemoveEvent,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  UpdateEvent,
} from 'typeorm';
import { Organization } from './organization.entity';
import { User } from './user.entity';

/** The change version that every write of an account or an organization raises. */
export const ACCOUNT_SUBJECT = 'account';

/** Marks a TypeORM-managed transaction (one not opened by TransactionHost.run) that wrote an account. */
const PENDING = 'accountChanged';

type Write = InsertEvent<unknown> | UpdateEvent<unknown> | RemoveEvent<unknown> | SoftRemoveEvent<unknown>;

/**
 * Raises the `account` change version once a write of a user or an organization has committed, so
 * the session users the auth guard keeps (UsersService.load) are read afresh on the next request: a
 * disabled account, a changed role or a withdrawn verification takes effect at once.
 *
 * Seen: entity saves and removals, and the repository's and query builders' insert, update and
 * delete on the User and Organization entities. Inside TransactionHost.run the version is raised
 * after its commit; inside a transaction TypeORM opened itself (a `save` outside `run`), after that
 * one's commit. Not seen: raw SQL, and writes made with listeners turned off. The raw writes of
 * app_user change only two-factor columns, which a session user does not hold; anything else made
 * behind the product's back shows once a session user's entry expires (UsersService).
 */
@Injectable()
export class AccountChanges implements EntitySubscriberInterface {
  constructor(
    dataSource: DataSource,
    private readonly versions: ChangeVersions,
    private readonly tx: TransactionHost,
  ) {
    dataSource.subscribers.push(this);
  }

  afterInsert(event: InsertEvent<unknown>): Promise<void> {
    return this.written(event);
  }

  afterUpdate(event: UpdateEvent<unknown>): Promise<void> {
    return this.written(event);
  }

  afterRemove(event: RemoveEvent<unknown>): Promise<void> {
    return this.written(event);
  }

  afterSoftRemove(event: SoftRemoveEvent<unknown>): Promise<void> {
    return this.written(event);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    if (!this.takePending(event.queryRunner)) return;
    await this.versions.touch(ACCOUNT_SUBJECT);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.takePending(event.queryRunner);
  }

  private async written(event: Write): Promise<void> {
    const target = event.metadata.target;
    if (target !== User && target !== Organization) return;
    // A transaction TypeORM opened on its own: raising the version now would let a request read
    // the new version and the old row before the commit, and keep the old row.
    if (!this.tx.inTransaction && event.queryRunner.isTransactionActive) {
      (event.queryRunner.data as Record<string, unknown>)[PENDING] = true;
      return;
    }
    // Inside TransactionHost.run, ChangeVersions waits for its commit; outside any transaction the
    // write has committed already.
    await this.versions.touch(ACCOUNT_SUBJECT);
  }

  private takePending(queryRunner: QueryRunner): boolean {
    const data = queryRunner.data as Record<string, unknown>;
    const pending = data[PENDING] === true;
    delete data[PENDING];
    return pending;
  }
}
