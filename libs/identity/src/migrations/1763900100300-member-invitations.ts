import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Members invited by e-mail (an account waiting, disabled, until its invitee follows the link and
 * sets a password) and members removed from their organization (kept for the history, signed out
 * for good; their address free again for a new account).
 */
export class MemberInvitations1763900100300 implements MigrationInterface {
  name = 'MemberInvitations1763900100300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN invited_at timestamptz, ADD COLUMN invited_by uuid, ADD COLUMN removed_at timestamptz`);
    await q.query(`DROP INDEX app_user_email_uq`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_uq ON app_user (lower(email)) WHERE removed_at IS NULL`);
    await q.query(`ALTER TABLE password_link DROP CONSTRAINT password_link_purpose_check`);
    await q.query(
      `ALTER TABLE password_link ADD CONSTRAINT password_link_purpose_check CHECK (purpose IN ('reset','setup','verify','register-attempt','invite'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM password_link WHERE purpose = 'invite'`);
    await q.query(`ALTER TABLE password_link DROP CONSTRAINT password_link_purpose_check`);
    await q.query(
      `ALTER TABLE password_link ADD CONSTRAINT password_link_purpose_check CHECK (purpose IN ('reset','setup','verify','register-attempt'))`,
    );
    await q.query(`DROP INDEX app_user_email_uq`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_uq ON app_user (lower(email))`);
    await q.query(`ALTER TABLE app_user DROP COLUMN removed_at, DROP COLUMN invited_by, DROP COLUMN invited_at`);
  }
}
