import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bureau import that published a need or a result (null for everything published one by one):
 * an import's items are indexed, matched and summarized as one set, found by this column.
 */
export class ItemImport1763900200100 implements MigrationInterface {
  name = 'ItemImport1763900200100';

  async up(q: QueryRunner): Promise<void> {
    for (const t of ['need', 'result']) {
      await q.query(`ALTER TABLE ${t} ADD COLUMN published_by_import_id uuid`);
      await q.query(`CREATE INDEX ${t}_import_idx ON ${t} (published_by_import_id, id) WHERE published_by_import_id IS NOT NULL`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['need', 'result']) await q.query(`ALTER TABLE ${t} DROP COLUMN published_by_import_id`);
  }
}
