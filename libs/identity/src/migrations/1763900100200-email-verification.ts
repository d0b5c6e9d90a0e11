import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail verification on registration: an organization enters the bureau's queue once its admin
 * has followed the e-mailed link (`submitted_at`), and password links gain two purposes (the
 * verification link itself, and the reset link sent when someone registers with a taken address).
 * Accounts and organizations from before verification existed count as verified and submitted.
 */
export class EmailVerification1763900100200 implements MigrationInterface {
  name = 'EmailVerification1763900100200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN email_verified_at timestamptz`);
    await q.query(`UPDATE app_user SET email_verified_at = created_at`);
    await q.query(`ALTER TABLE organization ADD COLUMN submitted_at timestamptz`);
    await q.query(`UPDATE organization SET submitted_at = created_at`);
    await q.query(`ALTER TABLE password_link DROP CONSTRAINT password_link_purpose_check`);
    await q.query(
      `ALTER TABLE password_link ADD CONSTRAINT password_link_purpose_check CHECK (purpose IN ('reset','setup','verify','register-attempt'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM password_link WHERE purpose IN ('verify','register-attempt')`);
    await q.query(`ALTER TABLE password_link DROP CONSTRAINT password_link_purpose_check`);
    await q.query(`ALTER TABLE password_link ADD CONSTRAINT password_link_purpose_check CHECK (purpose IN ('reset','setup'))`);
    await q.query(`ALTER TABLE organization DROP COLUMN submitted_at`);
    await q.query(`ALTER TABLE app_user DROP COLUMN email_verified_at`);
  }
}
