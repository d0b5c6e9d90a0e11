import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The progress of a bulk import through indexing and matching, so that each organization concerned
 * gets exactly one summary when the import's last batch is done:
 * - `import_progress`: one row per import (how many chunks and batches, how many are done);
 * - `import_step`: one row per finished chunk or batch (a re-run finds it and counts nothing twice);
 * - `import_match`: the pairs the import's matching found at or above the notification threshold,
 *   written in the same transaction as the match rows; the summaries are counted from them.
 */
export class ImportProgress1763900400100 implements MigrationInterface {
  name = 'ImportProgress1763900400100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE import_progress (
      import_id uuid PRIMARY KEY,
      item_type text NOT NULL CHECK (item_type IN ('need','result')),
      items int NOT NULL,
      chunks int NOT NULL,
      chunks_indexed int NOT NULL DEFAULT 0,
      batches int NOT NULL,
      batches_matched int NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      indexed_at timestamptz,
      summarized_at timestamptz
    )`);
    await q.query(`CREATE TABLE import_step (
      import_id uuid NOT NULL REFERENCES import_progress(import_id) ON DELETE CASCADE,
      step text NOT NULL,
      items int NOT NULL,
      done_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (import_id, step)
    )`);
    await q.query(`CREATE TABLE import_match (
      import_id uuid NOT NULL,
      item_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      counterpart_id uuid NOT NULL,
      counterpart_organization_id uuid NOT NULL,
      PRIMARY KEY (import_id, item_id, counterpart_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['import_match', 'import_step', 'import_progress']) await q.query(`DROP TABLE ${t}`);
  }
}
