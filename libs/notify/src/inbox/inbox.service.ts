import { Injectable } from '@nestjs/common';
import { AuthUser, NotFoundError, Page, pageAndTotal, pageOffset, PageQueryDto, toPage, TransactionHost } from '@app/core';
import { forEachChunk } from '../batch.util';
import { Notification } from '../notify.entities';
import type { RenderedMessage } from '../notification-templates';

export interface InboxRow {
  id: string;
  eventId: string;
  eventType: string;
  userId: string;
  organizationId: string | null;
  message: RenderedMessage;
}

export interface NotificationView {
  id: string;
  eventType: string;
  title: string;
  body: string;
  link: string | null;
  read: boolean;
  readAt: string | null;
  createdAt: string;
}

const toView = (n: Notification): NotificationView => ({
  id: n.id,
  eventType: n.eventType,
  title: n.title,
  body: n.body,
  link: n.link,
  read: n.readAt !== null,
  readAt: n.readAt ? n.readAt.toISOString() : null,
  createdAt: n.createdAt.toISOString(),
});

/** Rows per INSERT … SELECT FROM unnest: batching, not the database, decides fan-out speed. */
export const INBOX_BATCH = 1000;
/** Batches written at once, each on its own pool connection (inside a transaction they simply queue on it). */
const INBOX_PARALLEL = 4;

/** The in-app inbox: bulk writes for the fan-out, reads and read marks for its owner. */
@Injectable()
export class InboxService {
  constructor(private readonly tx: TransactionHost) {}

  /** Inserts inbox rows; a row already there (same event, same user) is left alone. Returns rows inserted. */
  async insertMany(rows: InboxRow[]): Promise<number> {
    let inserted = 0;
    await forEachChunk(rows, INBOX_BATCH, INBOX_PARALLEL, async (batch) => {
      const result: unknown[] = await this.tx.manager.query(
        `INSERT INTO notification (id, event_id, event_type, user_id, organization_id, title, body, link)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[])
         ON CONFLICT DO NOTHING RETURNING 1`,
        [
          batch.map((r) => r.id),
          batch.map((r) => r.eventId),
          batch.map((r) => r.eventType),
          batch.map((r) => r.userId),
          batch.map((r) => r.organizationId),
          batch.map((r) => r.message.title),
          batch.map((r) => r.message.body),
          batch.map((r) => r.message.link),
        ],
      );
      inserted += result.length;
    });
    return inserted;
  }

  /** Unread first, then newest first. */
  async list(user: AuthUser, q: PageQueryDto & { unreadOnly?: boolean }): Promise<Page<NotificationView>> {
    const qb = this.tx.repo(Notification).createQueryBuilder('n').where('n.user_id = :userId', { userId: user.userId });
    if (q.unreadOnly) qb.andWhere('n.read_at IS NULL');
    const { skip, take } = pageOffset(q);
    qb.orderBy('(n.read_at IS NOT NULL)', 'ASC').addOrderBy('n.created_at', 'DESC').addOrderBy('n.id', 'ASC');
    const [rows, total] = await pageAndTotal(qb, skip, take);
    return toPage(rows.map(toView), total, q);
  }

  async unreadCount(user: AuthUser): Promise<{ unread: number }> {
    const unread = await this.tx
      .repo(Notification)
      .createQueryBuilder('n')
      .where('n.user_id = :u AND n.read_at IS NULL', { u: user.userId })
      .getCount();
    return { unread };
  }

  /** Marks one of the caller's entries read (someone else's answers 404, as a missing one). */
  async markRead(user: AuthUser, id: string): Promise<NotificationView> {
    const repo = this.tx.repo(Notification);
    await repo
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'now()' })
      .where('id = :id AND user_id = :u AND read_at IS NULL', { id, u: user.userId })
      .execute();
    const n = await repo.findOne({ where: { id, userId: user.userId } });
    if (!n) throw new NotFoundError('通知');
    return toView(n);
  }

  async markAllRead(user: AuthUser): Promise<{ updated: number }> {
    const res = await this.tx
      .repo(Notification)
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'now()' })
      .where('user_id = :u AND read_at IS NULL', { u: user.userId })
      .execute();
    return { updated: res.affected ?? 0 };
  }
}
