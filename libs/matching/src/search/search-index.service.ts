import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { TransactionHost } from '@app/core';
import { CatalogReader, cityOf, MatchableItem } from '@app/catalog';
import { bigramFields, buildSearchDocument, CorpusStats, searchIndexSettings, splitTokens, type AnalyzedDocument } from '../relevance';
import { IndexedType, MeiliService } from './meili.service';
import { SearchStatsService } from './search-stats.service';

const BATCH = 5_000;
/**
 * Documents per addDocuments of a sync: sent one after another without waiting, so that Meilisearch
 * indexes a part while the next one is built (and batches the parts that wait into one task run).
 */
const SEND_PART = 1_000;

/** Product fields copied onto each document, for filters, facets and display. */
export function productFields(item: MatchableItem): Record<string, unknown> {
  return {
    kind: item.type,
    status: item.status,
    field: item.field,
    region: item.region,
    city: cityOf(item.region),
    trl: item.trl,
    orgKind: item.organizationKind,
    organizationId: item.organizationId,
    organizationName: item.organizationName,
    cooperationModes: item.cooperationModes,
    priceFen: item.priceFen,
    priceNegotiable: item.priceNegotiable,
    budgetMinFen: item.budgetMinFen,
    budgetMaxFen: item.budgetMaxFen,
    publishedAt: item.publishedAt ? item.publishedAt.getTime() : null,
    updatedAt: item.updatedAt.getTime(),
  };
}

interface StoredDoc {
  id: string;
  title?: string;
  keywords?: string[];
  summary?: string;
  wTitle?: string;
  wKeywords?: string;
  wBody?: string;
  updatedAt?: number;
}

/** The analysed form of a stored document, rebuilt from its fields (to count it out of the statistics). */
function analyzedFromStored(d: StoredDoc): AnalyzedDocument {
  return {
    bigram: bigramFields({ title: d.title, keywords: d.keywords, body: d.summary }),
    word: { title: splitTokens(d.wTitle), keywords: splitTokens(d.wKeywords), body: splitTokens(d.wBody) },
  };
}

/**
 * Keeps Meilisearch in step with PostgreSQL (the source of truth): only published items are
 * ever in an index; documents go in batches; a rebuild swaps a fresh index in atomically;
 * reconcile finds and fixes drift.
 */
@Injectable()
export class SearchIndexService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SearchIndexService.name);
  /** Indexes whose settings this process has applied. */
  private readonly settled = new Set<string>();

  constructor(
    private readonly meili: MeiliService,
    private readonly catalog: CatalogReader,
    private readonly stats: SearchStatsService,
    private readonly tx: TransactionHost,
  ) {}

  /**
   * How many items of a type the index lags behind PostgreSQL by: syncs marked but not yet done,
   * or, when approvals have not even reached the sync queue yet (right after the demo seeds its
   * results), published items the index statistics do not count yet.
   */
  async lag(type: IndexedType): Promise<number> {
    const [row]: { n: number }[] = await this.tx.manager.query(`SELECT count(*)::int AS n FROM search_sync_pending WHERE index_type = $1`, [
      type,
    ]);
    if (row.n > 0) return row.n;
    const [published, indexed] = await Promise.all([this.catalog.publishedCount(type), this.stats.current(type)]);
    return Math.max(0, published - indexed.docCount);
  }

  /**
   * Brings the settings of existing indexes up to date at start-up (idempotent; creates nothing),
   * so a new filterable attribute works before the next sync. Only enqueued, not awaited: a large
   * index may take a while to re-index, and Meilisearch runs an index's tasks in order. Documents
   * indexed before a new product field existed get it on `npm run search:rebuild`.
   */
  async onApplicationBootstrap(): Promise<void> {
    for (const type of ['need', 'result'] as const) {
      const uid = this.meili.uid(type);
      try {
        if (await this.exists(uid)) await this.meili.client.index(uid).updateSettings(searchIndexSettings() as never);
      } catch (err) {
        // Not fatal: the next sync, rebuild or reconcile applies the settings again.
        this.logger.warn(`could not update the settings of ${uid}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  /**
   * Creates the index if needed and applies the settings, once per index and process: every sync
   * after that skips a settings task (each one waits in Meilisearch's single task queue).
   */
  async ensureIndex(type: IndexedType, uid = this.meili.uid(type)): Promise<void> {
    const exists = await this.exists(uid);
    if (exists && this.settled.has(uid)) return;
    if (!exists) {
      // Another worker may create it between the check and this task: that is the index we want.
      const task = await this.meili.client.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: 120_000, interval: 25 });
      if (task.status === 'failed' && task.error?.code !== 'index_already_exists')
        throw new Error(`Meilisearch task ${task.uid} failed: ${JSON.stringify(task.error)}`);
    }
    await this.meili.wait(this.meili.client.index(uid).updateSettings(searchIndexSettings() as never));
    this.settled.add(uid);
  }

  /** Brings the given items' documents in line with PostgreSQL: published ones in, the rest out. */
  async sync(type: IndexedType, ids: string[]): Promise<{ upserted: number; removed: number }> {
    if (ids.length === 0) return { upserted: 0, removed: 0 };
    const started = Date.now();
    const uid = this.meili.uid(type);
    await this.ensureIndex(type);
    const items = await this.catalog.items(type, ids);
    const published = items.filter((i) => i.status === 'published');
    const publishedIds = new Set(published.map((i) => i.id));
    const previous = await this.storedDocuments(uid, ids);
    const toDelete = ids.filter((id) => !publishedIds.has(id) && previous.has(id));
    const index = this.meili.client.index(uid);
    const built: ReturnType<typeof buildSearchDocument>[] = [];
    const tasks: ReturnType<typeof index.addDocuments>[] = [];
    for (let i = 0; i < published.length; i += SEND_PART) {
      const part = published
        .slice(i, i + SEND_PART)
        .map((item) =>
          buildSearchDocument({ id: item.id, title: item.title, keywords: item.keywords, body: item.body, extra: productFields(item) }),
        );
      built.push(...part);
      const task = index.addDocuments(part.map((b) => b.document));
      await task;
      tasks.push(task);
    }
    if (toDelete.length) tasks.push(index.deleteDocuments(toDelete));
    const sent = Date.now();
    // In order: a failed task fails the sync (and the job is retried) before the statistics change.
    for (const task of tasks) await this.meili.wait(task);
    const indexed = Date.now();
    const removed = [...previous.values()].map(analyzedFromStored);
    await this.stats.update(
      type,
      removed,
      built.map((b) => b.analyzed),
    );
    // Where a sync's time goes: reading and building and sending, Meilisearch finishing, the statistics.
    this.logger.debug(
      { type, items: ids.length, upserted: built.length, sendMs: sent - started, indexMs: indexed - sent, statsMs: Date.now() - indexed },
      'synced',
    );
    return { upserted: built.length, removed: toDelete.length };
  }

  /** Fills a new index from PostgreSQL and swaps it in: searches never see an empty index. */
  async rebuild(type: IndexedType): Promise<{ documents: number; index: string }> {
    const uid = this.meili.uid(type);
    const tmp = `${uid}_rebuild_${Date.now()}`;
    await this.ensureIndex(type);
    await this.ensureIndex(type, tmp);
    const stats = new CorpusStats();
    let after: string | null = null;
    let documents = 0;
    for (;;) {
      const page = await this.catalog.publishedPage(type, after, BATCH);
      if (page.length === 0) break;
      const built = page.map((item) =>
        buildSearchDocument({ id: item.id, title: item.title, keywords: item.keywords, body: item.body, extra: productFields(item) }),
      );
      await this.meili.wait(this.meili.client.index(tmp).addDocuments(built.map((b) => b.document)), 600_000);
      for (const b of built) stats.addDocument(b.analyzed);
      documents += page.length;
      after = page[page.length - 1].id;
    }
    await this.meili.wait(this.meili.client.swapIndexes([{ indexes: [uid, tmp], rename: false }]));
    await this.meili.wait(this.meili.client.deleteIndex(tmp));
    await this.stats.replace(type, stats);
    this.logger.log(`rebuilt ${uid}: ${documents} documents`);
    return { documents, index: uid };
  }

  /** Finds documents missing, stale or extra against PostgreSQL, fixes them, and says how many. */
  async reconcile(type: IndexedType): Promise<{ missing: number; stale: number; extra: number; checked: number }> {
    const uid = this.meili.uid(type);
    await this.ensureIndex(type);
    const truth = await this.catalog.publishedVersions(type);
    const indexed = new Map<string, number | undefined>();
    for (let offset = 0; ; offset += 10_000) {
      const page = await this.meili.client.index(uid).getDocuments<StoredDoc>({ fields: ['id', 'updatedAt'], limit: 10_000, offset });
      for (const d of page.results) indexed.set(String(d.id), d.updatedAt);
      if (page.results.length < 10_000) break;
    }
    const missing = [...truth.keys()].filter((id) => !indexed.has(id));
    const stale = [...truth.entries()].filter(([id, v]) => indexed.has(id) && indexed.get(id) !== v).map(([id]) => id);
    const extra = [...indexed.keys()].filter((id) => !truth.has(id));
    for (let i = 0; i < missing.length + stale.length; i += BATCH) await this.sync(type, [...missing, ...stale].slice(i, i + BATCH));
    for (let i = 0; i < extra.length; i += BATCH) await this.sync(type, extra.slice(i, i + BATCH));
    return { missing: missing.length, stale: stale.length, extra: extra.length, checked: truth.size };
  }

  private exists(uid: string): Promise<boolean> {
    return this.meili.client.getRawIndex(uid).then(
      () => true,
      () => false,
    );
  }

  private async storedDocuments(uid: string, ids: string[]): Promise<Map<string, StoredDoc>> {
    // One request for the whole batch (documents/fetch by ids), not one per document.
    const out = new Map<string, StoredDoc>();
    const index = this.meili.client.index(uid);
    for (let i = 0; i < ids.length; i += 1_000) {
      const page = await index.getDocuments<StoredDoc>({ ids: ids.slice(i, i + 1_000), limit: 1_000 });
      for (const d of page.results) out.set(String(d.id), d);
    }
    return out;
  }
}
