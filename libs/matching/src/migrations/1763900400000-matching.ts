import { MigrationInterface, QueryRunner } from 'typeorm';

export class Matching1763900400000 implements MigrationInterface {
  name = 'Matching1763900400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE search_stats (
      index_type text PRIMARY KEY,
      stats jsonb NOT NULL,
      doc_count int NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE search_sync_pending (
      index_type text NOT NULL,
      item_id uuid NOT NULL,
      queued_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (index_type, item_id)
    )`);
    await q.query(`CREATE TABLE match (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      need_id uuid NOT NULL,
      result_id uuid NOT NULL,
      need_organization_id uuid NOT NULL,
      result_organization_id uuid NOT NULL,
      score smallint NOT NULL CHECK (score BETWEEN 0 AND 100),
      text_score smallint NOT NULL,
      reasons jsonb NOT NULL,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','retired','dismissed')),
      dismissed_by_organization_id uuid,
      dismiss_reason text,
      dismiss_note text,
      notified_at timestamptz,
      computed_at timestamptz NOT NULL DEFAULT now(),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT match_pair_uq UNIQUE (need_id, result_id)
    )`);
    await q.query(`CREATE INDEX match_need_idx ON match (need_id, status, score DESC)`);
    await q.query(`CREATE INDEX match_result_idx ON match (result_id, status, score DESC)`);
    await q.query(`CREATE TABLE engagement (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      need_id uuid,
      result_id uuid,
      match_id uuid REFERENCES match(id),
      requester_organization_id uuid NOT NULL,
      requester_user_id uuid NOT NULL,
      receiver_organization_id uuid NOT NULL,
      message text NOT NULL,
      status text NOT NULL DEFAULT 'requested'
        CHECK (status IN ('requested','accepted','declined','negotiating','deal','abandoned')),
      reason_code text,
      reason_text text,
      responded_at timestamptz,
      adoption_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (need_id IS NOT NULL OR result_id IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX engagement_requester_idx ON engagement (requester_organization_id, created_at DESC)`);
    await q.query(`CREATE INDEX engagement_receiver_idx ON engagement (receiver_organization_id, created_at DESC)`);
    await q.query(`CREATE UNIQUE INDEX engagement_open_pair_uq ON engagement (requester_organization_id, coalesce(need_id, '00000000-0000-0000-0000-000000000000'), coalesce(result_id, '00000000-0000-0000-0000-000000000000'))
      WHERE status IN ('requested','accepted','negotiating')`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['engagement', 'match', 'search_sync_pending', 'search_stats']) await q.query(`DROP TABLE ${t}`);
  }
}
