import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandlerRegistry, QueueName, QueueRegistry, RelayedEvent, TransactionHost } from '@app/core';
import { CatalogReader } from '@app/catalog';
import { IMPORT_INDEX_CHUNK, ImportChunkJob } from '../imports/import-jobs';
import { ImportPipeline } from '../imports/import-pipeline';
import type { IndexedType } from './meili.service';
import { SearchIndexService } from './search-index.service';

const FLUSH = 'search-index.flush';
/** The job that (re)computes one item's matches, on the match queue. */
export const MATCH_COMPUTE = 'match.compute';
const FLUSH_DELAY_MS = 100;
const FLUSH_BATCH = 5_000;

const EVENTS: Record<string, { type: IndexedType; idKey: 'needId' | 'resultId' }> = {
  'need.approved': { type: 'need', idKey: 'needId' },
  'need.closed': { type: 'need', idKey: 'needId' },
  'need.corrected': { type: 'need', idKey: 'needId' },
  'result.approved': { type: 'result', idKey: 'resultId' },
  'result.closed': { type: 'result', idKey: 'resultId' },
  'result.corrected': { type: 'result', idKey: 'resultId' },
};

/** A bulk import's one event: its items are indexed and matched by ImportPipeline, not item by item. */
const IMPORT_EVENTS: Record<string, IndexedType> = { 'need.imported': 'need', 'result.imported': 'result' };

/**
 * Index sync through the outbox. Each event only marks its item pending (idempotent) and asks
 * for a flush a moment later; the flush sends every pending item in one batch, so a burst of
 * approvals becomes one Meilisearch task, not one per document. After a batch is indexed, its
 * items' matches are (re)computed on the match queue. A bulk import takes its own way
 * (ImportPipeline): chunks of thousands, behind single items, then batched matching. An
 * organization renamed has its published items indexed again, so their documents carry the new name.
 */
@Injectable()
export class IndexSyncHandler implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly queues: QueueRegistry,
    private readonly tx: TransactionHost,
    private readonly index: SearchIndexService,
    private readonly imports: ImportPipeline,
    private readonly catalog: CatalogReader,
  ) {}

  onModuleInit(): void {
    for (const [eventType, route] of Object.entries(EVENTS)) {
      this.registry.subscribe(QueueName.SearchIndex, eventType, (job: Job<RelayedEvent>) =>
        this.mark(route.type, String((job.data.payload as Record<string, unknown>)[route.idKey])),
      );
    }
    this.registry.handle(QueueName.SearchIndex, FLUSH, (job: Job<{ type: IndexedType }>) => this.flush(job.data.type));
    for (const [eventType, type] of Object.entries(IMPORT_EVENTS)) {
      this.registry.subscribe(QueueName.SearchIndex, eventType, (job: Job<RelayedEvent<'result.imported'>>) =>
        this.imports.plan(type, job.data.payload.importId),
      );
    }
    this.registry.handle(QueueName.SearchIndex, IMPORT_INDEX_CHUNK, (job: Job<ImportChunkJob>) => this.imports.indexChunk(job.data));
    this.registry.subscribe(QueueName.SearchIndex, 'organization.updated', (job: Job<RelayedEvent<'organization.updated'>>) =>
      this.reindexOrganization(job.data.payload.organizationId),
    );
  }

  async mark(type: IndexedType, id: string): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO search_sync_pending (index_type, item_id) VALUES ($1, $2)
       ON CONFLICT (index_type, item_id) DO UPDATE SET queued_at = now()`,
      [type, id],
    );
    // One flush per type per time slot: later marks within the slot ride along.
    const slot = Math.floor(Date.now() / FLUSH_DELAY_MS);
    await this.queues.get(QueueName.SearchIndex).add(FLUSH, { type }, { jobId: `flush-${type}-${slot}`, delay: FLUSH_DELAY_MS });
  }

  /**
   * An organization's published items, indexed again with its current name. Not re-matched: a
   * name is no part of a score. Each sync reads the items as they are now, so running twice, or
   * beside a flush of the same items, leaves the current documents.
   */
  async reindexOrganization(organizationId: string): Promise<void> {
    for (const type of ['need', 'result'] as const) {
      const ids = await this.catalog.publishedIdsOf(type, organizationId);
      for (let i = 0; i < ids.length; i += FLUSH_BATCH) await this.index.sync(type, ids.slice(i, i + FLUSH_BATCH));
    }
  }

  /** Syncs pending items until none is left; safe to run twice. */
  async flush(type: IndexedType): Promise<number> {
    let total = 0;
    for (;;) {
      // queued_at travels as text: PostgreSQL keeps microseconds, a JS Date would round them away.
      const rows: { item_id: string; queued_at: string }[] = await this.tx.manager.query(
        `SELECT item_id, queued_at::text AS queued_at FROM search_sync_pending WHERE index_type = $1 ORDER BY queued_at LIMIT $2`,
        [type, FLUSH_BATCH],
      );
      if (rows.length === 0) return total;
      const ids = rows.map((r) => r.item_id);
      await this.index.sync(type, ids);
      // Matching follows indexing, so an item is matched once its own index is current.
      await this.queues.get(QueueName.Match).addBulk(
        // One computation per marking of the item: the job id carries the time it was marked.
        rows.map((r) => ({
          name: MATCH_COMPUTE,
          data: { type, id: r.item_id },
          opts: { jobId: `compute-${type}-${r.item_id}-${r.queued_at.replace(/\D/g, '')}` },
        })),
      );
      // An item marked again while it was being synced has a newer queued_at: its row stays for the next round.
      await this.tx.manager.query(
        `DELETE FROM search_sync_pending p USING unnest($2::uuid[], $3::timestamptz[]) AS d(id, q)
          WHERE p.index_type = $1 AND p.item_id = d.id AND p.queued_at = d.q`,
        [type, ids, rows.map((r) => r.queued_at)],
      );
      total += ids.length;
    }
  }
}
