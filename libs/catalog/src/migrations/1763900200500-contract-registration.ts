import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'技术转让','技术许可','作价投资','技术开发','技术服务','技术咨询'`;

/**
 * 技术合同认定登记 of adoptions' contracts: 技术咨询 joins the contract kinds; each adoption gets its
 * 技术交易额 (never above the contract amount), its registration state and dates, and the kind of
 * technology contract it is registered as (a generated column); the signed PDF has its own table;
 * and where its result is (place, field, publication), kept in step with the result by triggers.
 * Existing adoptions keep every value and start as not yet registered ('unregistered').
 */
export class ContractRegistration1763900200500 implements MigrationInterface {
  name = 'ContractRegistration1763900200500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE adoption DROP CONSTRAINT adoption_contract_kind_check`);
    await q.query(`ALTER TABLE adoption ADD CONSTRAINT adoption_contract_kind_check CHECK (contract_kind IN (${KINDS}))`);
    await q.query(`ALTER TABLE adoption
      ADD COLUMN tech_amount_fen bigint CONSTRAINT adoption_tech_amount_check CHECK (tech_amount_fen >= 0),
      ADD COLUMN contract_status text NOT NULL DEFAULT 'unregistered'
        CONSTRAINT adoption_contract_status_check CHECK (contract_status IN ('unregistered','submitted','certified','returned')),
      ADD COLUMN contract_return_reason text,
      ADD COLUMN contract_submitted_at timestamptz,
      ADD COLUMN registered_on date,
      ADD COLUMN certified_at timestamptz,
      ADD COLUMN certified_by_user_id uuid,
      ADD COLUMN contract_category text GENERATED ALWAYS AS (
        CASE contract_kind WHEN '技术开发' THEN '技术开发' WHEN '技术咨询' THEN '技术咨询' WHEN '技术服务' THEN '技术服务' ELSE '技术转让' END
      ) STORED,
      ADD CONSTRAINT adoption_tech_amount_within CHECK (tech_amount_fen IS NULL OR tech_amount_fen <= amount_fen),
      ADD CONSTRAINT adoption_contract_returned_reason CHECK (contract_status <> 'returned' OR contract_return_reason IS NOT NULL),
      ADD CONSTRAINT adoption_contract_submitted CHECK (contract_status = 'unregistered' OR contract_submitted_at IS NOT NULL),
      ADD CONSTRAINT adoption_contract_certified CHECK (
        contract_status <> 'certified'
        OR (tech_amount_fen IS NOT NULL AND contract_registration_no IS NOT NULL AND registered_on IS NOT NULL AND certified_at IS NOT NULL)
      )`);
    await q.query(`CREATE TABLE adoption_contract_file (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      adoption_id uuid NOT NULL UNIQUE REFERENCES adoption(id) ON DELETE CASCADE,
      filename text NOT NULL CHECK (filename <> ''),
      size_bytes int NOT NULL CHECK (size_bytes > 0),
      sha256 text NOT NULL,
      content bytea NOT NULL,
      uploaded_by_user_id uuid,
      uploaded_by_organization_id uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    // Where the adoption's result is (place, field, publication), kept by the database in step with
    // the result, so that the figures count adoptions by place without reading 100,000 results.
    await q.query(
      `ALTER TABLE adoption ADD COLUMN result_region text, ADD COLUMN result_field text, ADD COLUMN result_published_at timestamptz`,
    );
    await q.query(`UPDATE adoption a SET result_region = r.region, result_field = r.field, result_published_at = r.published_at
                     FROM result r WHERE r.id = a.result_id`);
    await q.query(`CREATE FUNCTION adoption_result_place() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        SELECT region, field, published_at INTO NEW.result_region, NEW.result_field, NEW.result_published_at FROM result WHERE id = NEW.result_id;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER adoption_result_place BEFORE INSERT OR UPDATE OF result_id ON adoption
      FOR EACH ROW EXECUTE FUNCTION adoption_result_place()`);
    await q.query(`CREATE FUNCTION result_place_to_adoptions() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        UPDATE adoption SET result_region = NEW.region, result_field = NEW.field, result_published_at = NEW.published_at WHERE result_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER result_place_to_adoptions AFTER UPDATE OF region, field, published_at ON result FOR EACH ROW
      WHEN (OLD.region IS DISTINCT FROM NEW.region OR OLD.field IS DISTINCT FROM NEW.field OR OLD.published_at IS DISTINCT FROM NEW.published_at)
      EXECUTE FUNCTION result_place_to_adoptions()`);
    // The bureau's queue: submitted contracts, oldest first.
    await q.query(`CREATE INDEX adoption_contract_queue_idx ON adoption (contract_submitted_at, id) WHERE contract_status = 'submitted'`);
    // The figures: certified contracts by registration date, with what they are counted by (index-only scans).
    await q.query(`CREATE INDEX adoption_certified_idx ON adoption (registered_on)
      INCLUDE (tech_amount_fen, amount_fen, contract_category, enterprise_id, result_organization_id, result_id, engagement_id,
               result_region, result_field, result_published_at)
      WHERE contract_status = 'certified'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE adoption_contract_file`);
    await q.query(`DROP TRIGGER result_place_to_adoptions ON result`);
    await q.query(`DROP TRIGGER adoption_result_place ON adoption`);
    await q.query(`DROP FUNCTION result_place_to_adoptions()`);
    await q.query(`DROP FUNCTION adoption_result_place()`);
    await q.query(`ALTER TABLE adoption
      DROP COLUMN result_region, DROP COLUMN result_field, DROP COLUMN result_published_at,
      DROP COLUMN contract_category, DROP COLUMN certified_by_user_id, DROP COLUMN certified_at, DROP COLUMN registered_on,
      DROP COLUMN contract_submitted_at, DROP COLUMN contract_return_reason, DROP COLUMN contract_status, DROP COLUMN tech_amount_fen`);
    await q.query(`ALTER TABLE adoption DROP CONSTRAINT adoption_contract_kind_check`);
    // The old kinds have no 技术咨询: the nearest is 技术服务 (a down migration loses that one distinction).
    await q.query(`UPDATE adoption SET contract_kind = '技术服务' WHERE contract_kind = '技术咨询'`);
    await q.query(
      `ALTER TABLE adoption ADD CONSTRAINT adoption_contract_kind_check CHECK (contract_kind IN ('技术转让','技术许可','作价投资','技术开发','技术服务'))`,
    );
  }
}
