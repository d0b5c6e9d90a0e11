import { Injectable } from '@nestjs/common';
import { TransactionHost, updateReturning } from '@app/core';
import { ImportedItems, ItemType } from '@app/catalog';
import type { NotifiablePair } from '../matches/matches.service';
import { IMPORT_INDEX_CHUNK_SIZE, IMPORT_MATCH_BATCH_SIZE } from './import-jobs';

export interface ImportPlan {
  importId: string;
  type: ItemType;
  items: number;
  chunks: number;
  chunksIndexed: number;
  batches: number;
  batchesMatched: number;
  indexedAt: Date | null;
  summarizedAt: Date | null;
}

interface PlanRow {
  import_id: string;
  item_type: ItemType;
  items: number;
  chunks: number;
  chunks_indexed: number;
  batches: number;
  batches_matched: number;
  indexed_at: Date | null;
  summarized_at: Date | null;
}

const toPlan = (r: PlanRow): ImportPlan => ({
  importId: r.import_id,
  type: r.item_type,
  items: r.items,
  chunks: r.chunks,
  chunksIndexed: r.chunks_indexed,
  batches: r.batches,
  batchesMatched: r.batches_matched,
  indexedAt: r.indexed_at,
  summarizedAt: r.summarized_at,
});

/**
 * Where a bulk import stands (PostgreSQL, beside the matches): its chunks and batches, which of
 * them are done, and the pairs its matching found. A finished step is a row keyed by (import,
 * step) inserted in the transaction that counts it, so a step that runs twice counts once; the
 * counters are updated under the row's lock, so the last step to finish is the one that sees
 * everything done, whichever worker runs it.
 */
@Injectable()
export class ImportProgressService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly imported: ImportedItems,
  ) {}

  /** The import's plan, made from its published items the first time (a re-run finds it). */
  async start(type: ItemType, importId: string): Promise<ImportPlan> {
    const existing = await this.get(importId);
    if (existing) return existing;
    const items = await this.imported.count(type, importId);
    await this.tx.manager.query(
      `INSERT INTO import_progress (import_id, item_type, items, chunks, batches) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (import_id) DO NOTHING`,
      [importId, type, items, Math.ceil(items / IMPORT_INDEX_CHUNK_SIZE), Math.ceil(items / IMPORT_MATCH_BATCH_SIZE)],
    );
    return (await this.get(importId)) as ImportPlan;
  }

  async get(importId: string): Promise<ImportPlan | null> {
    const [row]: PlanRow[] = await this.tx.manager.query(`SELECT * FROM import_progress WHERE import_id = $1`, [importId]);
    return row ? toPlan(row) : null;
  }

  async isDone(importId: string, step: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(`SELECT 1 FROM import_step WHERE import_id = $1 AND step = $2`, [importId, step]);
    return rows.length > 0;
  }

  /** Counts one indexed chunk (once); the import is searchable when the last one is counted. */
  async chunkIndexed(importId: string, chunk: number, items: number): Promise<ImportPlan> {
    return this.tx.run(async () => {
      if (await this.markStep(importId, `index-${chunk}`, items)) {
        await this.tx.manager.query(
          `UPDATE import_progress SET chunks_indexed = chunks_indexed + 1,
             indexed_at = CASE WHEN chunks_indexed + 1 >= chunks THEN now() ELSE indexed_at END
           WHERE import_id = $1`,
          [importId],
        );
      }
      return (await this.get(importId)) as ImportPlan;
    });
  }

  /**
   * Counts one matched batch (once), in the caller's transaction. Answers the plan when this was
   * the last batch and nobody has summarized the import yet — it is then marked summarized, so
   * the caller writes the summaries in this same transaction, exactly once.
   */
  async batchMatched(importId: string, batch: number, items: number): Promise<ImportPlan | null> {
    if (!this.tx.inTransaction) throw new Error('batchMatched must run inside a transaction');
    if (!(await this.markStep(importId, `match-${batch}`, items))) return null;
    const [row] = await updateReturning<PlanRow>(
      this.tx.manager,
      `UPDATE import_progress SET batches_matched = batches_matched + 1 WHERE import_id = $1 RETURNING *`,
      [importId],
    );
    if (!row || row.batches_matched < row.batches || row.summarized_at) return null;
    const [done] = await updateReturning<PlanRow>(
      this.tx.manager,
      `UPDATE import_progress SET summarized_at = now() WHERE import_id = $1 AND summarized_at IS NULL RETURNING *`,
      [importId],
    );
    return done ? toPlan(done) : null;
  }

  /** Keeps the pairs an imported item's matching found (called in that matching's transaction). */
  async recordPairs(importId: string, type: ItemType, pairs: NotifiablePair[]): Promise<void> {
    if (pairs.length === 0) return;
    const mine = (p: NotifiablePair) =>
      type === 'result'
        ? { item: p.resultId, org: p.resultOrganizationId, other: p.needId, otherOrg: p.needOrganizationId }
        : { item: p.needId, org: p.needOrganizationId, other: p.resultId, otherOrg: p.resultOrganizationId };
    const rows = pairs.map(mine);
    await this.tx.manager.query(
      `INSERT INTO import_match (import_id, item_id, organization_id, counterpart_id, counterpart_organization_id)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[]) ON CONFLICT DO NOTHING`,
      [importId, rows.map((r) => r.item), rows.map((r) => r.org), rows.map((r) => r.other), rows.map((r) => r.otherOrg)],
    );
  }

  /** Imported items with at least one recorded pair, per owner organization. */
  async matchedByOwner(importId: string): Promise<Map<string, number>> {
    const rows: { organization_id: string; n: number }[] = await this.tx.manager.query(
      `SELECT organization_id, count(DISTINCT item_id)::int AS n FROM import_match WHERE import_id = $1 GROUP BY organization_id`,
      [importId],
    );
    return new Map(rows.map((r) => [r.organization_id, r.n]));
  }

  /** Per organization on the other side: how many imported items match how many of its own (and which, when one). */
  async matchedByCounterpart(
    importId: string,
  ): Promise<{ organizationId: string; items: number; ownItems: number; itemId: string | null }[]> {
    const rows: { organization_id: string; items: number; own_items: number; item_id: string | null }[] = await this.tx.manager.query(
      `SELECT counterpart_organization_id AS organization_id, count(DISTINCT item_id)::int AS items,
              count(DISTINCT counterpart_id)::int AS own_items,
              CASE WHEN count(DISTINCT counterpart_id) = 1 THEN min(counterpart_id::text) END AS item_id
         FROM import_match WHERE import_id = $1 GROUP BY counterpart_organization_id ORDER BY 1`,
      [importId],
    );
    return rows.map((r) => ({ organizationId: r.organization_id, items: r.items, ownItems: r.own_items, itemId: r.item_id }));
  }

  /** True when this call recorded the step (false: it was done before). */
  private async markStep(importId: string, step: string, items: number): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(
      `INSERT INTO import_step (import_id, step, items) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
      [importId, step, items],
    );
    return rows.length > 0;
  }
}
