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
  private readonly stats = new Map<IndexedType, { value: CorpusStats; loadedAt: number; version: number }>();

  constructor(private readonly tx: TransactionHost) {}

  /** The statistics as the matcher needs them now (loaded or refreshed from PostgreSQL). */
  async current(type: IndexedType): Promise<CorpusStats> {
    const held = this.stats.get(type);
    if (held && Date.now() - held.loadedAt < REFRESH_MS) return held.value;
    const row = await this.tx.repo(SearchStats).findOne({ where: { indexType: type } });
    const version = row ? row.updatedAt.getTime() : 0;
    if (held && held.version === version) {
      held.loadedAt = Date.now();
      return held.value;
    }
    const value = row ? CorpusStats.fromJSON(row.stats) : new CorpusStats();
    this.stats.set(type, { value, loadedAt: Date.now(), version });
    return value;
  }

  /** Applies removed and added documents and saves the result. */
  async update(type: IndexedType, removed: AnalyzedDocument[], added: AnalyzedDocument[]): Promise<void> {
    if (removed.length === 0 && added.length === 0) return;
    const stats = await this.current(type);
    for (const d of removed) stats.removeDocument(d);
    for (const d of added) stats.addDocument(d);
    await this.save(type, stats);
  }

  /** Replaces the statistics (after a rebuild). */
  async replace(type: IndexedType, stats: CorpusStats): Promise<void> {
    await this.save(type, stats);
  }

  private async save(type: IndexedType, stats: CorpusStats): Promise<void> {
    // Terms seen once are dropped from large corpora to keep the snapshot small.
    const json = stats.toJSON(stats.docCount > 10_000 ? 2 : 1);
    const repo = this.tx.repo(SearchStats);
    await repo.upsert({ indexType: type, stats: json as never, docCount: stats.docCount }, ['indexType']);
    const row = await repo.findOneOrFail({ where: { indexType: type } });
    this.stats.set(type, { value: stats, loadedAt: Date.now(), version: row.updatedAt.getTime() });
  }
}
