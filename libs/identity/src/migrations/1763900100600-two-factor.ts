import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-factor sign-in: the account's TOTP secret, sealed with a key derived from the server's
 * secret (AES-256-GCM; never stored in the clear), when it was turned on, the last time step a
 * code was accepted from (a code signs in once), and single-use recovery codes kept as hashes.
 */
export class TwoFactor1763900100600 implements MigrationInterface {
  name = 'TwoFactor1763900100600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE app_user ADD COLUMN totp_secret text, ADD COLUMN totp_enabled_at timestamptz, ADD COLUMN totp_last_step bigint`,
    );
    await q.query(
      `ALTER TABLE app_user ADD CONSTRAINT app_user_totp_enabled_check CHECK (totp_enabled_at IS NULL OR totp_secret IS NOT NULL)`,
    );
    await q.query(`CREATE TABLE recovery_code (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT recovery_code_user_hash_uq UNIQUE (user_id, code_hash)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE recovery_code`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_totp_enabled_check`);
    await q.query(`ALTER TABLE app_user DROP COLUMN totp_last_step, DROP COLUMN totp_enabled_at, DROP COLUMN totp_secret`);
  }
}
