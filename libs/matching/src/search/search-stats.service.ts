import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionHost } from '@app/core';
import { CorpusStats, type AnalyzedDocument, type CorpusStatsDeltaJson, type CorpusStatsJson } from '../relevance';
import type { IndexedType } from './meili.service';
import { SearchStats } from './search-stats.entity';

const REFRESH_MS = 10_000;
/** Changes kept beside the snapshot before they are folded into it: at most this many… */
const MAX_DELTAS = 64;
/** …holding at most this many times the snapshot's term entries (so a bulk import's chunks are not each folded). */
const MAX_DELTA_TERMS_PER_SNAPSHOT_TERM = 4;

const termEntries = (json: Pick<CorpusStatsJson, 'df'>): number => Object.keys(json.df.bigram).length + Object.keys(json.df.word).length;

/** The snapshot row's version: the transaction that wrote it (unlike a timestamp, two saves never share one). */
const SNAPSHOT_VERSION = `(SELECT xmin::text FROM search_stats WHERE index_type = $1)`;
/** The changes of index $1 after change $2, oldest first, as [id, delta] pairs. */
const CHANGES_AFTER = (after: string) =>
  `(SELECT coalesce(json_agg(json_build_array(d.id::text, d.delta) ORDER BY d.id), '[]'::json)
      FROM search_stats_delta d WHERE d.index_type = $1 AND d.id > ${after})`;

interface Held {
  value: CorpusStats;
  /** When a caller of `current` last had it checked against PostgreSQL (0: never; background refreshes do not count). */
  checkedAt: number;
  /** The snapshot row's version (`xmin`: the transaction that wrote it); '' when there is none. */
  snapshot: string;
  /** The last change applied to `value`. */
  deltaId: number;
}

/**
 * The corpus statistics of each index: a snapshot (`search_stats`) and the changes saved since
 * (`search_stats_delta`). A sync appends only the terms its documents changed — a single approval
 * no longer rewrites megabytes at 100,000 documents — and a process catches up by applying the
 * changes it has not seen. The changes are folded into a new snapshot when they pile up.
 *
 * A worker also catches up in the background (`keepCurrent`), so a match computed after another
 * process saved or folded does not wait for a snapshot to be read and parsed (a second at 100,000
 * documents).
 */
@Injectable()
export class SearchStatsService implements OnModuleDestroy {
  private readonly logger = new Logger(SearchStatsService.name);
  private readonly stats = new Map<IndexedType, Held>();
  /** A refresh in flight per index: concurrent callers share it. */
  private readonly refreshing = new Map<IndexedType, Promise<CorpusStats>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly tx: TransactionHost) {}

  /**
   * Loads both indexes' statistics now and keeps them current in the background, every five
   * seconds, until the module stops. For processes that compute matches (the worker); the api
   * does not, and then never reads a change it has no use for.
   */
  keepCurrent(): void {
    if (this.timer) return;
    const refresh = () => {
      for (const type of ['need', 'result'] as const)
        void this.latest(type).catch((err: unknown) =>
          this.logger.warn(`could not load the ${type} statistics: ${(err as Error).message}`),
        );
    };
    refresh();
    this.timer = setInterval(refresh, REFRESH_MS / 2);
    this.timer.unref();
  }

  /** Stops the refreshes and lets the one in flight finish while the database is still there. */
  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.allSettled(this.refreshing.values());
  }

  /**
   * The statistics as the matcher needs them now: checked against PostgreSQL when the last check
   * is over ten seconds old (a change made by this process is in at once).
   */
  async current(type: IndexedType): Promise<CorpusStats> {
    const held = this.stats.get(type);
    if (held && Date.now() - held.checkedAt < REFRESH_MS) return held.value;
    const checkedAt = Date.now();
    const value = await this.latest(type);
    const now = this.stats.get(type);
    if (now) now.checkedAt = checkedAt;
    return value;
  }

  /**
   * Saves what removing and adding these documents changes. One writer at a time across all
   * workers (an advisory lock held to commit), so change ids are in commit order and a reader that
   * has applied change n has every change before it.
   */
  async update(type: IndexedType, removed: AnalyzedDocument[], added: AnalyzedDocument[]): Promise<void> {
    if (removed.length === 0 && added.length === 0) return;
    const delta = CorpusStats.delta(removed, added);
    const terms = termEntries(delta);
    await this.tx.run(async (manager) => {
      await this.lock(type);
      // What is saved already: the last change (what this process must hold for this change to be
      // the next one it applies), and how much is waiting to be folded.
      const [before]: { head: string; snapshot: string | null; n: number; terms: number; snapshotTerms: number }[] = await manager.query(
        `SELECT greatest(coalesce(max(d.id), 0), coalesce((SELECT through_delta_id FROM search_stats WHERE index_type = $1), 0))::text AS head,
                ${SNAPSHOT_VERSION} AS snapshot, count(d.id)::int AS n, coalesce(sum(d.terms), 0)::int AS terms,
                coalesce((SELECT terms FROM search_stats WHERE index_type = $1), 0)::int AS "snapshotTerms"
           FROM search_stats_delta d WHERE d.index_type = $1`,
        [type],
      );
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO search_stats_delta (index_type, doc_count, terms, delta) VALUES ($1, $2, $3, $4) RETURNING id::text`,
        [type, delta.docCount, terms, JSON.stringify(delta)],
      );
      if (before.n + 1 > MAX_DELTAS || before.terms + terms > MAX_DELTA_TERMS_PER_SNAPSHOT_TERM * before.snapshotTerms) {
        await this.fold(type);
        return;
      }
      // Once committed, this process's copy takes the change in without reading it back, when
      // nothing else came between; otherwise it catches up, with a refresh that starts after the
      // commit (one already in flight may have read before it).
      await this.tx.afterCommit(`search-stats-${type}-${id}`, async () => {
        const held = this.stats.get(type);
        if (held && held.snapshot === (before.snapshot ?? '') && held.deltaId === Number(before.head)) {
          held.value.applyDelta(delta);
          held.deltaId = Number(id);
          return;
        }
        await this.refreshing.get(type)?.catch(() => undefined);
        await this.latest(type);
      });
    });
  }

  /** Replaces the statistics (after a rebuild): the changes saved until now are dropped with the old snapshot. */
  async replace(type: IndexedType, stats: CorpusStats): Promise<void> {
    await this.tx.run(async (manager) => {
      await this.lock(type);
      const [{ head }]: { head: string }[] = await manager.query(
        `SELECT coalesce(max(id), 0)::text AS head FROM search_stats_delta WHERE index_type = $1`,
        [type],
      );
      // Rebuilt from every document: terms seen once may be dropped (they read back as rare).
      await this.saveSnapshot(type, stats, Number(head), stats.docCount > 10_000 ? 2 : 1);
    });
    this.stats.delete(type);
  }

  private lock(type: IndexedType): Promise<unknown> {
    return this.tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('search_stats'), hashtext($1))`, [type]);
  }

  /**
   * Folds every saved change into a new snapshot (the caller holds the lock). Read afresh, not from
   * this process's copy: inside the transaction it would take in a change that may yet roll back.
   */
  private async fold(type: IndexedType): Promise<void> {
    const started = Date.now();
    const folded = await this.load(type, this.tx.manager);
    // Every term is kept: a fold that dropped the terms seen once would drop them again at every fold,
    // and a term gaining a document now and then would never count more than one.
    await this.saveSnapshot(type, folded.value, folded.deltaId, 1);
    const [{ snapshot }]: { snapshot: string }[] = await this.tx.manager.query(`SELECT ${SNAPSHOT_VERSION} AS snapshot`, [type]);
    await this.tx.afterCommit(`search-stats-fold-${type}`, async () => {
      this.stats.set(type, { ...folded, snapshot, checkedAt: this.stats.get(type)?.checkedAt ?? 0 });
    });
    this.logger.debug({ type, docs: folded.value.docCount, ms: Date.now() - started }, 'statistics folded');
  }

  private async saveSnapshot(type: IndexedType, stats: CorpusStats, throughDeltaId: number, minDf: number): Promise<void> {
    const json = stats.toJSON(minDf);
    await this.tx.repo(SearchStats).upsert(
      {
        indexType: type,
        stats: json as never,
        docCount: stats.docCount,
        throughDeltaId: String(throughDeltaId),
        terms: termEntries(json),
      },
      ['indexType'],
    );
    await this.tx.manager.query(`DELETE FROM search_stats_delta WHERE index_type = $1 AND id <= $2`, [type, throughDeltaId]);
  }

  /**
   * The statistics with every change saved so far. When this process holds the current snapshot,
   * only the changes after the last one it applied are read; otherwise the snapshot and its changes.
   */
  private latest(type: IndexedType): Promise<CorpusStats> {
    let pending = this.refreshing.get(type);
    if (!pending) {
      pending = this.refresh(type).finally(() => this.refreshing.delete(type));
      this.refreshing.set(type, pending);
    }
    return pending;
  }

  /**
   * Reads outside any transaction the caller may be in: the copy is the whole process's, and must
   * never take in a change that could still roll back.
   */
  private async refresh(type: IndexedType): Promise<CorpusStats> {
    const committed = this.tx.dataSource.manager;
    const held = this.stats.get(type);
    if (held) {
      const [row]: { snapshot: string | null; deltas: [string, CorpusStatsDeltaJson][] }[] = await committed.query(
        `SELECT ${SNAPSHOT_VERSION} AS snapshot, ${CHANGES_AFTER('$2')} AS deltas`,
        [type, held.deltaId],
      );
      if ((row.snapshot ?? '') === held.snapshot) {
        // update() may have applied its own change while this query ran.
        for (const [id, delta] of row.deltas) {
          if (Number(id) <= held.deltaId) continue;
          held.value.applyDelta(delta);
          held.deltaId = Number(id);
        }
        return held.value;
      }
    }
    const loaded = await this.load(type, committed);
    // A fold's or a rebuild's copy installed meanwhile is newer than this one: it stays.
    if (this.stats.get(type) === held) this.stats.set(type, { ...loaded, checkedAt: held?.checkedAt ?? 0 });
    return loaded.value;
  }

  /** The snapshot and the changes after it, read in one statement (one consistent view, whatever a fold does meanwhile). */
  private async load(type: IndexedType, manager: EntityManager): Promise<Omit<Held, 'checkedAt'>> {
    const [row]: {
      snapshot: string | null;
      stats: CorpusStatsJson | null;
      through: string | null;
      deltas: [string, CorpusStatsDeltaJson][];
    }[] = await manager.query(
      `SELECT s.xmin::text AS snapshot, s.stats, s.through_delta_id::text AS through,
              ${CHANGES_AFTER('coalesce(s.through_delta_id, 0)')} AS deltas
         FROM (SELECT $1::text AS index_type) t LEFT JOIN search_stats s USING (index_type)`,
      [type],
    );
    const value = row.stats ? CorpusStats.fromJSON(row.stats) : new CorpusStats();
    let deltaId = Number(row.through ?? 0);
    for (const [id, delta] of row.deltas) {
      value.applyDelta(delta);
      deltaId = Number(id);
    }
    return { value, snapshot: row.snapshot ?? '', deltaId };
  }
}
