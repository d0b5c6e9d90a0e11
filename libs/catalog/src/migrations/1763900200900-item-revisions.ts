import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revisions of published needs and results (item_revision): an owner's change waits for the
 * bureau while the published version stays visible. At most one pending revision per item.
 */
export class ItemRevisions1763900200900 implements MigrationInterface {
  name = 'ItemRevisions1763900200900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE item_revision (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      item_type text NOT NULL CHECK (item_type IN ('need','result')),
      item_id uuid NOT NULL,
      organization_id uuid NOT NULL REFERENCES organization(id),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected','withdrawn')),
      changes jsonb NOT NULL CHECK (jsonb_typeof(changes) = 'object'),
      before jsonb NOT NULL CHECK (jsonb_typeof(before) = 'object'),
      reject_reason text,
      created_by_user_id uuid,
      decided_by_user_id uuid,
      decided_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT item_revision_reject_reason CHECK (status <> 'rejected' OR reject_reason IS NOT NULL),
      CONSTRAINT item_revision_decided CHECK (status IN ('pending','withdrawn') OR decided_at IS NOT NULL)
    )`);
    // One pending revision per item: a second edit updates it.
    await q.query(`CREATE UNIQUE INDEX item_revision_one_pending ON item_revision (item_type, item_id) WHERE status = 'pending'`);
    // The bureau's queue (oldest first), an item's revisions (its history), an organization's own.
    await q.query(`CREATE INDEX item_revision_queue_idx ON item_revision (created_at, id) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX item_revision_item_idx ON item_revision (item_type, item_id, created_at)`);
    await q.query(`CREATE INDEX item_revision_org_idx ON item_revision (organization_id, updated_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE item_revision`);
  }
}
