import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '../database/transaction-host';
import { RedisService } from './redis.service';
import { withTimeout } from '../time/with-timeout';

/** How long a read waits for Redis before it goes on without a version (and without a cache). */
const READ_TIMEOUT_MS = 100;

/**
 * A version number per kind of record ("need", "result", …), raised in Redis after every committed
 * transaction that changed such records, so that what is derived from them (a list's total) can be
 * kept until they change. A version read just before a commit's raise is the one the reader's own
 * query ran under, so nothing derived after the raise is served stale. When Redis cannot answer,
 * `current` says null and callers derive afresh.
 */
@Injectable()
export class ChangeVersions {
  private readonly log = new Logger(ChangeVersions.name);

  constructor(
    private readonly redis: RedisService,
    private readonly tx: TransactionHost,
  ) {}

  /** Marks records of `subject` changed, once the open transaction (if any) commits. */
  touch(subject: string): Promise<void> {
    return this.tx.afterCommit(`change-version:${subject}`, () => this.redis.client.incr(this.key(subject)));
  }

  /**
   * The current versions of several subjects, read at once and joined; null inside a transaction
   * (what it reads may hold its own uncommitted changes, so nothing derived there is kept) and when
   * Redis cannot say.
   */
  async currentOf(subjects: string[]): Promise<string | null> {
    if (this.tx.inTransaction || this.redis.client.status !== 'ready') return null;
    try {
      const versions = await withTimeout(this.redis.client.mget(...subjects.map((s) => this.key(s))), READ_TIMEOUT_MS);
      return versions.map((v) => v ?? '0').join('.');
    } catch (err) {
      this.log.debug(`change versions of ${subjects.join(', ')} unread: ${(err as Error).message}`);
      return null;
    }
  }

  private key(subject: string): string {
    return this.redis.key('change-version', subject);
  }
}
