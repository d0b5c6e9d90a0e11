import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@app/core';
import { CorpusStats, type AnalyzedDocument } from '../relevance';
import type { IndexedType } from './meili.service';
import { SearchStats } from './search-stats.entity';

const REFRESH_MS = 10_000;

/**
 * The corpus statistics of each index. The worker changes them as it syncs documents and saves
 * them; the api reloads them when they changed, at most every ten seconds.
 */
@Injectable()
export class SearchStatsService {
  private readonly stats = new Map<IndexedType, { value: CorpusStats; loadedAt: number; version: string }>();

  constructor(private readonly tx: TransactionHost) {}

  /** The statistics as the matcher needs them now (loaded or refreshed from PostgreSQL). */
  async current(type: IndexedType): Promise<CorpusStats> {
    const held = this.stats.get(type);
    if (held && Date.now() - held.loadedAt < REFRESH_MS) return held.value;
    return this.latest(type);
  }

  /**
   * Applies removed and added documents and saves the result. One writer at a time across all
   * workers: the row is locked, and the statistics are reloaded first when another process saved
   * them since this one last did — two workers syncing at once would otherwise each save their own
   * copy, and the last save would drop the other's documents.
   */
  async update(type: IndexedType, removed: AnalyzedDocument[], added: AnalyzedDocument[]): Promise<void> {
    if (removed.length === 0 && added.length === 0) return;
    await this.tx.run(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('search_stats'), hashtext($1))`, [type]);
      const stats = await this.latest(type);
      for (const d of removed) stats.removeDocument(d);
      for (const d of added) stats.addDocument(d);
      await this.save(type, stats);
    });
  }

  /** Replaces the statistics (after a rebuild). */
  async replace(type: IndexedType, stats: CorpusStats): Promise<void> {
    await this.save(type, stats);
  }

  /**
   * The statistics as last saved by any process. The row's version is the id of the transaction
   * that last wrote it (`xmin`): unlike a timestamp, two saves never share one. The snapshot itself
   * (megabytes at 100,000 documents) is read only when the version changed.
   */
  private async latest(type: IndexedType): Promise<CorpusStats> {
    const version = await this.version(type);
    const held = this.stats.get(type);
    if (held && held.version === version) {
      held.loadedAt = Date.now();
      return held.value;
    }
    const row = version ? await this.tx.repo(SearchStats).findOne({ where: { indexType: type } }) : null;
    const value = row ? CorpusStats.fromJSON(row.stats) : new CorpusStats();
    this.stats.set(type, { value, loadedAt: Date.now(), version });
    return value;
  }

  private async version(type: IndexedType): Promise<string> {
    const rows: { version: string }[] = await this.tx.manager.query(
      `SELECT xmin::text AS version FROM search_stats WHERE index_type = $1`,
      [type],
    );
    return rows[0]?.version ?? '';
  }

  private async save(type: IndexedType, stats: CorpusStats): Promise<void> {
    // Terms seen once are dropped from large corpora to keep the snapshot small.
    const json = stats.toJSON(stats.docCount > 10_000 ? 2 : 1);
    await this.tx.repo(SearchStats).upsert({ indexType: type, stats: json as never, docCount: stats.docCount }, ['indexType']);
    this.stats.set(type, { value: stats, loadedAt: Date.now(), version: await this.version(type) });
  }
}
