import { MigrationInterface, QueryRunner } from 'typeorm';

/** When the organizations matching a published challenge were invited (invitations go once). */
export class ChallengeInvited1763900500100 implements MigrationInterface {
  name = 'ChallengeInvited1763900500100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE challenge ADD COLUMN invited_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE challenge DROP COLUMN invited_at`);
  }
}
