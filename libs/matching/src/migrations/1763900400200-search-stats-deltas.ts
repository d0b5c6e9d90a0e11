import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The corpus statistics as a snapshot plus the changes since: each sync appends the terms it
 * changed (`search_stats_delta`) instead of rewriting the whole snapshot, which at 100,000 documents
 * is megabytes. `through_delta_id` says which changes a snapshot already holds; folding them in
 * (compaction) writes a new snapshot and deletes them.
 */
export class SearchStatsDeltas1763900400200 implements MigrationInterface {
  name = 'SearchStatsDeltas1763900400200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE search_stats ADD COLUMN through_delta_id bigint NOT NULL DEFAULT 0`);
    // How many term entries a snapshot and a change hold: what decides when changes are folded.
    await q.query(`ALTER TABLE search_stats ADD COLUMN terms int NOT NULL DEFAULT 0`);
    await q.query(`CREATE TABLE search_stats_delta (
      id bigserial PRIMARY KEY,
      index_type text NOT NULL,
      doc_count int NOT NULL,
      terms int NOT NULL,
      delta jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX search_stats_delta_type_id ON search_stats_delta (index_type, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE search_stats_delta`);
    await q.query(`ALTER TABLE search_stats DROP COLUMN through_delta_id, DROP COLUMN terms`);
  }
}
