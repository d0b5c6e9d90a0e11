import { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1763900100000 implements MigrationInterface {
  name = 'Identity1763900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE organization (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('enterprise','university','institute','bureau')),
      credit_code text,
      region text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','verified','rejected')),
      reject_reason text,
      verified_at timestamptz,
      contact_name text,
      contact_phone text,
      contact_email text,
      description text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT organization_enterprise_credit_code CHECK (kind <> 'enterprise' OR credit_code IS NOT NULL)
    )`);
    await q.query(`CREATE UNIQUE INDEX organization_credit_code_uq ON organization (credit_code) WHERE credit_code IS NOT NULL`);
    await q.query(`CREATE INDEX organization_status_idx ON organization (status, created_at)`);
    await q.query(`CREATE TABLE app_user (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organization(id),
      email text NOT NULL,
      password_hash text NOT NULL,
      name text NOT NULL,
      phone text,
      role text NOT NULL DEFAULT 'member' CHECK (role IN ('admin','member')),
      is_expert boolean NOT NULL DEFAULT false,
      expert_fields text[] NOT NULL DEFAULT '{}',
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_uq ON app_user (lower(email))`);
    await q.query(`CREATE INDEX app_user_org_idx ON app_user (organization_id)`);
    await q.query(`CREATE TABLE refresh_token (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      family_id uuid NOT NULL,
      secret_hash text NOT NULL,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      replaced_by_id uuid,
      created_ip text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE refresh_token`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE organization`);
  }
}
