import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  AuthUser,
  actorOf,
  AuditService,
  Clock,
  isBureau,
  NotFoundError,
  OutboxService,
  pageOffset,
  PageQueryDto,
  toPage,
  TransactionHost,
  InvalidStateError,
} from '@app/core';
import { CatalogReader, ItemType, MatchableItem } from '@app/catalog';
import { combinedScore, factorValues, structuredFactors } from './match-factors.util';
import { DismissReason, Match } from './match.entity';
import { MatcherFactory } from './matcher.factory';

/** How many matches are kept per item. */
const KEEP = 20;

/**
 * Computes, stores and serves matches. Scores are recomputed when either side is (re)published
 * and retired when either closes; a pair dismissed as not relevant stays dismissed.
 */
@Injectable()
export class MatchesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionHost,
    private readonly catalog: CatalogReader,
    private readonly matcher: MatcherFactory,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Recomputes the matches of a need (against results) or of a result (against needs). */
  async compute(type: ItemType, id: string): Promise<{ stored: number; notified: number }> {
    const item = await this.catalog.item(type, id);
    if (!item || item.status !== 'published') {
      await this.retire(type, id);
      return { stored: 0, notified: 0 };
    }
    const target: ItemType = type === 'need' ? 'result' : 'need';
    const hits = await this.matcher.rank(
      target,
      { title: item.title, description: item.body, keywords: item.keywords, field: item.field },
      KEEP + 5,
    );
    const others = new Map(
      (
        await this.catalog.items(
          target,
          hits.map((h) => h.id),
        )
      ).map((o) => [o.id, o]),
    );
    const rows = hits
      .map((h) => ({ hit: h, other: others.get(h.id) }))
      .filter(
        (x): x is { hit: (typeof hits)[number]; other: MatchableItem } =>
          !!x.other && x.other.status === 'published' && x.other.organizationId !== item.organizationId,
      )
      .slice(0, KEEP)
      .map(({ hit, other }) => {
        const need = type === 'need' ? item : other;
        const result = type === 'need' ? other : item;
        const factors = structuredFactors(need, result);
        return {
          need,
          result,
          textScore: hit.score0to100,
          score: combinedScore(hit.score0to100, factorValues(factors, need, result)),
          reasons: { terms: hit.matchedTerms, factors },
        };
      })
      .filter((r) => r.score > 0 && r.score >= this.config.matchMinScore);
    return this.tx.run(async () => {
      const now = this.clock.now();
      // One statement for all pairs (re-scored pairs keep a dismissal).
      const saved: { id: string; need_id: string; result_id: string; status: string; notified_at: Date | null }[] = rows.length
        ? await this.tx.manager.query(
            `INSERT INTO match (need_id, result_id, need_organization_id, result_organization_id, score, text_score, reasons, computed_at)
             SELECT n, r, no, ro, s, ts, re, $8 FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::smallint[], $6::smallint[], $7::jsonb[])
               AS u(n, r, no, ro, s, ts, re)
             ON CONFLICT (need_id, result_id) DO UPDATE SET score = EXCLUDED.score, text_score = EXCLUDED.text_score,
               reasons = EXCLUDED.reasons, computed_at = EXCLUDED.computed_at,
               status = CASE WHEN match.status = 'dismissed' THEN 'dismissed' ELSE 'active' END
             RETURNING id, need_id, result_id, status, notified_at`,
            [
              rows.map((r) => r.need.id),
              rows.map((r) => r.result.id),
              rows.map((r) => r.need.organizationId),
              rows.map((r) => r.result.organizationId),
              rows.map((r) => r.score),
              rows.map((r) => r.textScore),
              rows.map((r) => JSON.stringify(r.reasons)),
              now,
            ],
          )
        : [];
      const keptIds = saved.map((x) => x.id);
      const byPair = new Map(rows.map((r) => [`${r.need.id}:${r.result.id}`, r]));
      const toNotify = saved.filter(
        (x) =>
          x.status === 'active' &&
          !x.notified_at &&
          (byPair.get(`${x.need_id}:${x.result_id}`)?.score ?? 0) >= this.config.matchNotifyThreshold,
      );
      if (toNotify.length)
        await this.tx.manager.query(`UPDATE match SET notified_at = $2 WHERE id = ANY($1::uuid[])`, [toNotify.map((x) => x.id), now]);
      for (const x of toNotify) {
        const r = byPair.get(`${x.need_id}:${x.result_id}`) as (typeof rows)[number];
        await this.outbox.emit('match.created', {
          matchId: x.id,
          needId: r.need.id,
          resultId: r.result.id,
          needOrganizationId: r.need.organizationId,
          resultOrganizationId: r.result.organizationId,
          score: r.score,
          // Named, so each side's message says which of its items matched which of the other's.
          needTitle: r.need.title,
          resultTitle: r.result.title,
        });
      }
      const notified = toNotify.length;
      // Pairs of this item that no longer rank are retired (dismissed ones stay as they are).
      const column = type === 'need' ? 'need_id' : 'result_id';
      await this.tx.manager.query(
        `UPDATE match SET status = 'retired' WHERE ${column} = $1 AND status = 'active' AND NOT (id = ANY($2::uuid[]))`,
        [id, keptIds],
      );
      return { stored: rows.length, notified };
    });
  }

  async retire(type: ItemType, id: string): Promise<void> {
    const column = type === 'need' ? 'need_id' : 'result_id';
    await this.tx.manager.query(`UPDATE match SET status = 'retired' WHERE ${column} = $1 AND status = 'active'`, [id]);
  }

  /** The active matches of an item, best first, with the other side's public summary. */
  async list(type: ItemType, id: string, q: PageQueryDto) {
    const column = type === 'need' ? 'needId' : 'resultId';
    const { skip, take } = pageOffset(q);
    const [rows, total] = await this.tx
      .repo(Match)
      .findAndCount({ where: { [column]: id, status: 'active' }, order: { score: 'DESC', id: 'ASC' }, skip, take });
    const otherType: ItemType = type === 'need' ? 'result' : 'need';
    const others = new Map(
      (
        await this.catalog.items(
          otherType,
          rows.map((m) => (type === 'need' ? m.resultId : m.needId)),
        )
      ).map((o) => [o.id, o]),
    );
    return toPage(
      rows.map((m) => {
        const o = others.get(type === 'need' ? m.resultId : m.needId);
        return {
          id: m.id,
          needId: m.needId,
          resultId: m.resultId,
          score: m.score,
          textScore: m.textScore,
          reasons: m.reasons,
          computedAt: m.computedAt,
          counterpart: o
            ? {
                type: otherType,
                id: o.id,
                title: o.title,
                organizationId: o.organizationId,
                organizationName: o.organizationName,
                field: o.field,
                region: o.region,
                trl: o.trl,
              }
            : null,
        };
      }),
      total,
      q,
    );
  }

  /** "Not relevant", with a reason from the fixed list that the other side sees; never suggested again. */
  async dismiss(matchId: string, reason: DismissReason, note: string | undefined, actor: AuthUser) {
    return this.tx.run(async () => {
      const m = await this.tx.repo(Match).findOne({ where: { id: matchId }, lock: { mode: 'pessimistic_write' } });
      const party = m && (m.needOrganizationId === actor.organizationId || m.resultOrganizationId === actor.organizationId);
      if (!m || (!party && !isBureau(actor))) throw new NotFoundError('匹配');
      if (m.status === 'dismissed') throw new InvalidStateError('该匹配已标记为不相关');
      const from = m.status;
      Object.assign(m, {
        status: 'dismissed',
        dismissedByOrganizationId: actor.organizationId,
        dismissReason: reason,
        dismissNote: note ?? null,
      });
      await this.tx.repo(Match).save(m);
      await this.audit.record({
        actor: actorOf(actor),
        action: 'match.dismiss',
        entityType: 'match',
        entityId: matchId,
        from,
        to: 'dismissed',
        reason: note ? `${reason}：${note}` : reason,
      });
      return { id: m.id, status: m.status, dismissReason: reason, dismissNote: m.dismissNote };
    });
  }

  /** Dismissed pairs involving the viewer's organization, with the reasons (either side sees them). */
  async dismissedFor(organizationId: string, q: PageQueryDto) {
    const { skip, take } = pageOffset(q);
    const [rows, total] = await this.tx
      .repo(Match)
      .createQueryBuilder('m')
      .where(`m.status = 'dismissed' AND (m.need_organization_id = :org OR m.result_organization_id = :org)`, { org: organizationId })
      .orderBy('m.computed_at', 'DESC')
      .skip(skip)
      .take(take)
      .getManyAndCount();
    return toPage(
      rows.map((m) => ({
        id: m.id,
        needId: m.needId,
        resultId: m.resultId,
        dismissedByOrganizationId: m.dismissedByOrganizationId,
        reason: m.dismissReason,
        note: m.dismissNote,
      })),
      total,
      q,
    );
  }

  async get(matchId: string): Promise<Match | null> {
    return this.tx.repo(Match).findOne({ where: { id: matchId } });
  }
}
