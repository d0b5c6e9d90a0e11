import { MigrationInterface, QueryRunner } from 'typeorm';

const ITEM_COLUMNS = `
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organization(id),
      title text NOT NULL CHECK (char_length(btrim(title)) BETWEEN 1 AND 100),
      keywords text[] NOT NULL DEFAULT '{}' CHECK (cardinality(keywords) <= 10),
      field text CHECK (field <> ''),
      trl smallint CHECK (trl BETWEEN 1 AND 9),
      cooperation_modes text[] NOT NULL DEFAULT '{}'
        CHECK (cooperation_modes <@ ARRAY['技术转让','技术许可','合作开发','委托开发','技术服务','作价入股']::text[]),
      region text NOT NULL CHECK (region <> ''),
      contact_name text,
      contact_phone text,
      contact_email text,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','published','rejected','closed')),
      reject_reason text,
      quality_score smallint NOT NULL DEFAULT 0 CHECK (quality_score BETWEEN 0 AND 100),
      quality_hints jsonb NOT NULL DEFAULT '[]',
      created_by_user_id uuid,
      submitted_at timestamptz,
      published_at timestamptz,
      closed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status <> 'rejected' OR reject_reason IS NOT NULL),
      CHECK (status <> 'published' OR published_at IS NOT NULL),
      CHECK (status <> 'submitted' OR submitted_at IS NOT NULL)`;

/** The three lists: needs (demand), results (supply), adoptions (application). */
export class Catalog1763900200000 implements MigrationInterface {
  name = 'Catalog1763900200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE need (${ITEM_COLUMNS},
      description text NOT NULL CHECK (char_length(btrim(description)) BETWEEN 1 AND 5000),
      budget_min_fen bigint CHECK (budget_min_fen >= 0),
      budget_max_fen bigint CHECK (budget_max_fen >= 0),
      deadline date,
      CONSTRAINT need_budget_order CHECK (budget_min_fen IS NULL OR budget_max_fen IS NULL OR budget_min_fen <= budget_max_fen)
    )`);
    await q.query(`CREATE TABLE result (${ITEM_COLUMNS},
      summary text NOT NULL CHECK (char_length(btrim(summary)) BETWEEN 1 AND 5000),
      patents jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(patents) = 'array'),
      asking_price_fen bigint CHECK (asking_price_fen >= 0),
      price_negotiable boolean NOT NULL DEFAULT false,
      team_lead text,
      CONSTRAINT result_price_or_negotiable CHECK (NOT (price_negotiable AND asking_price_fen IS NOT NULL))
    )`);
    for (const t of ['need', 'result']) {
      await q.query(`CREATE INDEX ${t}_org_idx ON ${t} (organization_id, updated_at DESC)`);
      // Public lists: published items, newest first, optionally by field / region / TRL.
      await q.query(`CREATE INDEX ${t}_published_idx ON ${t} (published_at DESC, id DESC) WHERE status = 'published'`);
      await q.query(`CREATE INDEX ${t}_published_field_idx ON ${t} (field, published_at DESC, id DESC) WHERE status = 'published'`);
      await q.query(`CREATE INDEX ${t}_published_region_idx ON ${t} (region, published_at DESC, id DESC) WHERE status = 'published'`);
      // The bureau's review queue: submitted items, oldest first.
      await q.query(`CREATE INDEX ${t}_review_idx ON ${t} (submitted_at, id) WHERE status = 'submitted'`);
      await q.query(`CREATE INDEX ${t}_status_created_idx ON ${t} (status, created_at DESC)`);
    }
    await q.query(`CREATE TABLE adoption (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      result_id uuid NOT NULL REFERENCES result(id),
      result_organization_id uuid NOT NULL REFERENCES organization(id),
      enterprise_id uuid NOT NULL REFERENCES organization(id),
      entered_by_organization_id uuid NOT NULL REFERENCES organization(id),
      contract_kind text NOT NULL CHECK (contract_kind IN ('技术转让','技术许可','作价投资','技术开发','技术服务')),
      amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
      signed_on date NOT NULL,
      contract_registration_no text,
      benefit_kind text CHECK (benefit_kind IN ('expected','realized')),
      benefit text,
      benefit_amount_fen bigint CHECK (benefit_amount_fen >= 0),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','confirmed','rejected')),
      reject_reason text,
      engagement_id uuid,
      created_by_user_id uuid,
      confirmed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status <> 'rejected' OR reject_reason IS NOT NULL),
      CHECK (status <> 'confirmed' OR confirmed_at IS NOT NULL)
    )`);
    await q.query(
      `CREATE UNIQUE INDEX adoption_registration_no_uq ON adoption (contract_registration_no) WHERE contract_registration_no IS NOT NULL`,
    );
    await q.query(`CREATE UNIQUE INDEX adoption_engagement_uq ON adoption (engagement_id) WHERE engagement_id IS NOT NULL`);
    await q.query(`CREATE INDEX adoption_result_idx ON adoption (result_id)`);
    await q.query(`CREATE INDEX adoption_enterprise_idx ON adoption (enterprise_id)`);
    await q.query(`CREATE INDEX adoption_result_org_idx ON adoption (result_organization_id)`);
    await q.query(`CREATE INDEX adoption_status_idx ON adoption (status, signed_on DESC)`);
    await q.query(`CREATE INDEX adoption_review_idx ON adoption (created_at, id) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE adoption`);
    await q.query(`DROP TABLE result`);
    await q.query(`DROP TABLE need`);
  }
}
