import { Injectable } from '@nestjs/common';
import { ChangeVersions } from '@app/core';
import { DataSource, EntitySubscriberInterface, InsertEvent, RemoveEvent, SoftRemoveEvent, UpdateEvent } from 'typeorm';
import { Organization } from './organization.entity';
import { User } from './user.entity';

/** The change version that every write of an account or an organization raises. */
export const ACCOUNT_SUBJECT = 'account';

type Write = InsertEvent<unknown> | UpdateEvent<unknown> | RemoveEvent<unknown> | SoftRemoveEvent<unknown>;

/**
 * Raises the `account` change version after every committed write of a user or an organization,
 * however it is made through TypeORM (save, update, delete, query builders): the session users
 * the auth guard keeps (UsersService.load) are derived afresh on the next request, so a disabled
 * account, a changed role or a withdrawn verification takes effect at once. Raw SQL is not seen
 * here; the raw writes of app_user change only two-factor columns, which a session user does not
 * hold.
 */
@Injectable()
export class AccountChanges implements EntitySubscriberInterface {
  constructor(
    dataSource: DataSource,
    private readonly versions: ChangeVersions,
  ) {
    dataSource.subscribers.push(this);
  }

  afterInsert(event: InsertEvent<unknown>): Promise<void> {
    return this.touched(event);
  }

  afterUpdate(event: UpdateEvent<unknown>): Promise<void> {
    return this.touched(event);
  }

  afterRemove(event: RemoveEvent<unknown>): Promise<void> {
    return this.touched(event);
  }

  afterSoftRemove(event: SoftRemoveEvent<unknown>): Promise<void> {
    return this.touched(event);
  }

  private async touched(event: Write): Promise<void> {
    const target = event.metadata.target;
    if (target === User || target === Organization) await this.versions.touch(ACCOUNT_SUBJECT);
  }
}
