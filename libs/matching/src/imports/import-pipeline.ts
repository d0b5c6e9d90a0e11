import { Injectable, Logger } from '@nestjs/common';
import { QueueName, QueueRegistry, TransactionHost } from '@app/core';
import { ImportedItems, ItemType } from '@app/catalog';
import { MatchesService } from '../matches/matches.service';
import { SearchIndexService } from '../search/search-index.service';
import {
  IMPORT_INDEX_CHUNK,
  IMPORT_INDEX_CHUNK_SIZE,
  IMPORT_JOB_PRIORITY,
  IMPORT_MATCH_BATCH_SIZE,
  IMPORT_MATCH_LANES,
  ImportBatchJob,
  ImportChunkJob,
  importIndexJobId,
  importMatchJobId,
  MATCH_IMPORT_BATCH,
} from './import-jobs';
import { ImportPlan, ImportProgressService } from './import-progress.service';
import { ImportSummaries } from './import-summaries';

/**
 * A bulk import's way from PostgreSQL to people, as jobs that are each safe to re-run:
 *
 * 1. `*.imported` (outbox → search-index queue): the import's plan is recorded and its index
 *    chunks queued, at a lower priority than single items' syncs.
 * 2. Each chunk (20,000 items) goes to Meilisearch in parts sent back to back. When the last chunk is
 *    counted, the import is searchable and its matching starts: searchable comes first, matching
 *    (CPU-bound, in this process and in Meilisearch) does not slow it down.
 * 3. Match batches (200 items) on the match queue, low priority, at most `IMPORT_MATCH_LANES` of an
 *    import queued at once: each finished batch queues the one `IMPORT_MATCH_LANES` further on.
 *    The pairs at or above the notification threshold are recorded for the import instead of
 *    being told one by one.
 * 4. The transaction that counts the last batch writes the summaries (ImportSummaries), once.
 *
 * A crash anywhere leaves a job that BullMQ runs again (retries, stalled-job recovery); a step
 * already counted is skipped, and the next jobs are queued again under the same ids.
 */
@Injectable()
export class ImportPipeline {
  private readonly logger = new Logger(ImportPipeline.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly queues: QueueRegistry,
    private readonly imported: ImportedItems,
    private readonly progress: ImportProgressService,
    private readonly summaries: ImportSummaries,
    private readonly index: SearchIndexService,
    private readonly matches: MatchesService,
  ) {}

  /** Step 1: plan the import and queue its index chunks. */
  async plan(type: ItemType, importId: string): Promise<ImportPlan> {
    const plan = await this.progress.start(type, importId);
    this.logger.log({ importId, type, items: plan.items, chunks: plan.chunks, batches: plan.batches }, 'import planned');
    await this.queues.get(QueueName.SearchIndex).addBulk(
      Array.from({ length: plan.chunks }, (_x, chunk) => ({
        name: IMPORT_INDEX_CHUNK,
        data: { type, importId, chunk } satisfies ImportChunkJob,
        opts: { jobId: importIndexJobId(importId, chunk), priority: IMPORT_JOB_PRIORITY },
      })),
    );
    return plan;
  }

  /** Step 2: one chunk into the index; the last one starts the matching. */
  async indexChunk({ type, importId, chunk }: ImportChunkJob): Promise<{ indexed: number }> {
    let indexed = 0;
    let plan = await this.progress.get(importId);
    if (!plan) throw new Error(`import ${importId} has no plan`);
    if (!(await this.progress.isDone(importId, `index-${chunk}`))) {
      const ids = await this.imported.ids(type, importId, chunk * IMPORT_INDEX_CHUNK_SIZE, IMPORT_INDEX_CHUNK_SIZE);
      indexed = (await this.index.sync(type, ids)).upserted;
      plan = await this.progress.chunkIndexed(importId, chunk, ids.length);
      if (plan.indexedAt && plan.chunksIndexed === plan.chunks) this.logger.log({ importId, type, items: plan.items }, 'import searchable');
    }
    // Queued again by every chunk that finds the import searchable (a crash before it did is thus
    // repaired); the job ids make the repeats no-ops.
    if (plan.chunksIndexed >= plan.chunks)
      await this.queueBatches(
        plan,
        Array.from({ length: Math.min(IMPORT_MATCH_LANES, plan.batches) }, (_x, i) => i),
      );
    return { indexed };
  }

  /** Step 3 (and 4 for the last batch): one batch matched, its pairs recorded, the next batch of its lane queued. */
  async matchBatch({ type, importId, batch }: ImportBatchJob): Promise<{ matched: number; summarized: boolean }> {
    const plan = await this.progress.get(importId);
    if (!plan) throw new Error(`import ${importId} has no plan`);
    let matched = 0;
    let summarized = false;
    if (!(await this.progress.isDone(importId, `match-${batch}`))) {
      const ids = await this.imported.ids(type, importId, batch * IMPORT_MATCH_BATCH_SIZE, IMPORT_MATCH_BATCH_SIZE);
      for (const id of ids) {
        const r = await this.matches.compute(type, id, { collect: (pairs) => this.progress.recordPairs(importId, type, pairs) });
        matched += r.notified > 0 ? 1 : 0;
      }
      summarized = await this.tx.run(async () => {
        const done = await this.progress.batchMatched(importId, batch, ids.length);
        if (!done) return false;
        const sent = await this.summaries.write(done);
        this.logger.log({ importId, type, items: done.items, ...sent }, 'import matched and summarized');
        return true;
      });
    }
    if (batch + IMPORT_MATCH_LANES < plan.batches) await this.queueBatches(plan, [batch + IMPORT_MATCH_LANES]);
    return { matched, summarized };
  }

  private async queueBatches(plan: ImportPlan, batches: number[]): Promise<void> {
    if (batches.length === 0) return;
    await this.queues.get(QueueName.Match).addBulk(
      batches.map((batch) => ({
        name: MATCH_IMPORT_BATCH,
        data: { type: plan.type, importId: plan.importId, batch } satisfies ImportBatchJob,
        opts: { jobId: importMatchJobId(plan.importId, batch), priority: IMPORT_JOB_PRIORITY },
      })),
    );
  }
}
