import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  AuthUser,
  actorOf,
  AuditService,
  ChangeVersions,
  Clock,
  KeptUnderVersions,
  ForbiddenError,
  isBureau,
  NotFoundError,
  OutboxService,
  pageAndTotal,
  pageOffset,
  PageQueryDto,
  toPage,
  TransactionHost,
  InvalidStateError,
} from '@app/core';
import { CatalogReader, ItemType, MatchableItem } from '@app/catalog';
import { explainMatch } from './match-explanation';
import { combinedScore, factorValues, structuredFactors } from './match-factors.util';
import { DismissReason, Match } from './match.entity';
import { MatcherFactory } from './matcher.factory';
import type { MatchHit } from '../relevance';

/** How many matches are kept per item. */
const KEEP = 20;

/** The change version raised by every write of stored matches. */
const MATCH_SUBJECT = 'match';
/**
 * What a page of an item's matches shows: the stored matches, both sides' items (text for the
 * explanations, titles, places) and the other side's organization names.
 */
const MATCH_PAGE_SUBJECTS = [MATCH_SUBJECT, 'need', 'result', 'organization'];

/** A stored match at or above the notification threshold, not told before. */
export interface NotifiablePair {
  needId: string;
  resultId: string;
  needOrganizationId: string;
  resultOrganizationId: string;
  score: number;
}

export interface ComputeOptions {
  /**
   * Takes the pairs to tell about, in the computation's transaction, instead of one match.created
   * event each: a bulk import summarizes them per organization (their `notified_at` is set all the same).
   */
  collect?: (pairs: NotifiablePair[]) => Promise<void>;
}

/**
 * Computes, stores and serves matches. Scores are recomputed when either side is (re)published
 * and retired when either closes; a pair dismissed as not relevant stays dismissed.
 */
@Injectable()
export class MatchesService {
  /** Pages of matches as served, kept until a match, an item or an organization changes. */
  private readonly pages: KeptUnderVersions<Awaited<ReturnType<MatchesService['page']>>>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionHost,
    private readonly catalog: CatalogReader,
    private readonly matcher: MatcherFactory,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly versions: ChangeVersions,
  ) {
    this.pages = new KeptUnderVersions(versions, 2_000, 60_000);
  }

  /** Recomputes the matches of a need (against results) or of a result (against needs). */
  async compute(type: ItemType, id: string, options: ComputeOptions = {}): Promise<{ stored: number; notified: number }> {
    const item = await this.catalog.item(type, id);
    if (!item || item.status !== 'published') {
      await this.retire(type, id);
      return { stored: 0, notified: 0 };
    }
    const target: ItemType = type === 'need' ? 'result' : 'need';
    const found = await this.matcher.rank(
      target,
      { title: item.title, description: item.body, keywords: item.keywords, field: item.field },
      KEEP + 5,
    );
    const hits = type === 'need' ? found : await this.needSideScores(item, found);
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
      // A result keeps every pair that still scores (its standing pairs were re-scored with the rest).
      .slice(0, type === 'need' ? KEEP : undefined)
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
      if (options.collect) {
        await options.collect(
          toNotify.map((x) => {
            const r = byPair.get(`${x.need_id}:${x.result_id}`) as (typeof rows)[number];
            const [needOrganizationId, resultOrganizationId] = [r.need.organizationId, r.result.organizationId];
            return { needId: x.need_id, resultId: x.result_id, needOrganizationId, resultOrganizationId, score: r.score };
          }),
        );
      }
      for (const x of options.collect ? [] : toNotify) {
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
          // Why, in the sentences the portal shows, so the message can say it too.
          explanation: explainMatch(r.reasons, r.need, r.result).map((l) => l.text),
        });
      }
      const notified = toNotify.length;
      // Pairs of this item that no longer rank are retired (dismissed ones stay as they are).
      const column = type === 'need' ? 'need_id' : 'result_id';
      await this.tx.manager.query(
        `UPDATE match SET status = 'retired' WHERE ${column} = $1 AND status = 'active' AND NOT (id = ANY($2::uuid[]))`,
        [id, keptIds],
      );
      await this.versions.touch(MATCH_SUBJECT);
      return { stored: rows.length, notified };
    });
  }

  /**
   * A result's candidate needs come from the reverse search (its text against the needs), but each
   * pair is scored as the need's own matching scores it (need → result): a pair's score must not
   * depend on which side was published last (a long abstract against a short need scored half).
   * The result's standing pairs are re-scored too, so that an edited result can lose them.
   */
  private async needSideScores(result: MatchableItem, found: MatchHit[]): Promise<MatchHit[]> {
    const standing: { need_id: string }[] = await this.tx.manager.query(
      `SELECT need_id FROM match WHERE result_id = $1 AND status = 'active'`,
      [result.id],
    );
    const ids = [...new Set([...found.slice(0, KEEP).map((h) => h.id), ...standing.map((r) => r.need_id)])];
    const needs = (await this.catalog.items('need', ids)).filter((n) => n.status === 'published');
    const scored = await this.matcher.scoreForNeeds(result, needs);
    return [...scored.values()].sort((a, b) => b.score0to100 - a.score0to100 || (a.id < b.id ? -1 : 1));
  }

  async retire(type: ItemType, id: string): Promise<void> {
    const column = type === 'need' ? 'need_id' : 'result_id';
    await this.tx.manager.query(`UPDATE match SET status = 'retired' WHERE ${column} = $1 AND status = 'active'`, [id]);
    await this.versions.touch(MATCH_SUBJECT);
  }

  /**
   * The active matches of an item, best first, with the other side's public summary and the
   * reasons both as stored (for programs) and as sentences (for people).
   */
  async list(type: ItemType, id: string, q: PageQueryDto) {
    return this.pages.get(MATCH_PAGE_SUBJECTS, `${type}:${id}:${q.page}:${q.pageSize}`, () => this.page(type, id, q));
  }

  private async page(type: ItemType, id: string, q: PageQueryDto) {
    const column = type === 'need' ? 'needId' : 'resultId';
    const { skip, take } = pageOffset(q);
    // The page and its total in one round trip; both sides' items then at once.
    const [rows, total] = await pageAndTotal(
      this.tx
        .repo(Match)
        .createQueryBuilder('m')
        .where(`m.${column} = :id AND m.status = 'active'`, { id })
        .orderBy('m.score', 'DESC')
        .addOrderBy('m.id', 'ASC'),
      skip,
      take,
    );
    const otherType: ItemType = type === 'need' ? 'result' : 'need';
    const [self, otherItems] = rows.length
      ? await this.tx.all(
          // The item's own organization is not shown: only the other side's.
          () => this.catalog.item(type, id, { organizations: false }),
          () =>
            this.catalog.items(
              otherType,
              rows.map((m) => (type === 'need' ? m.resultId : m.needId)),
            ),
        )
      : [null, []];
    const others = new Map(otherItems.map((o) => [o.id, o]));
    return toPage(
      rows.map((m) => {
        const o = others.get(type === 'need' ? m.resultId : m.needId);
        const [need, result] = type === 'need' ? [self, o] : [o, self];
        return {
          id: m.id,
          needId: m.needId,
          resultId: m.resultId,
          score: m.score,
          textScore: m.textScore,
          reasons: m.reasons,
          explanation: need && result ? explainMatch(m.reasons, need, result) : [],
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
      // Relevance is the two sides' judgment (the other side sees who dismissed and why): the
      // bureau, which sees every match, does not dismiss one for them (docs/access.md).
      if (m && !party && isBureau(actor)) throw new ForbiddenError('只有匹配的双方可以标记不相关');
      if (!m || !party) throw new NotFoundError('匹配');
      if (m.status === 'dismissed') throw new InvalidStateError('该匹配已标记为不相关');
      const from = m.status;
      Object.assign(m, {
        status: 'dismissed',
        dismissedByOrganizationId: actor.organizationId,
        dismissReason: reason,
        dismissNote: note ?? null,
      });
      await this.tx.repo(Match).save(m);
      await this.versions.touch(MATCH_SUBJECT);
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
