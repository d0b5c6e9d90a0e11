import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The account lifecycle: sessions show the device they were signed in from, and one-time
 * password links (forgotten password, the bureau's first admin) are kept as hashes only.
 */
export class AccountSecurity1763900100100 implements MigrationInterface {
  name = 'AccountSecurity1763900100100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refresh_token ADD COLUMN user_agent text`);
    await q.query(`CREATE INDEX refresh_token_user_active_idx ON refresh_token (user_id) WHERE revoked_at IS NULL`);
    await q.query(`CREATE TABLE password_link (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      purpose text NOT NULL CHECK (purpose IN ('reset','setup')),
      secret_hash text,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      requested_ip text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX password_link_user_open_idx ON password_link (user_id) WHERE used_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE password_link`);
    await q.query(`DROP INDEX refresh_token_user_active_idx`);
    await q.query(`ALTER TABLE refresh_token DROP COLUMN user_agent`);
  }
}
