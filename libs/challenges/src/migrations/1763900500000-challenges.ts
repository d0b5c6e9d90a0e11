import { MigrationInterface, QueryRunner } from 'typeorm';

export class Challenges1763900500000 implements MigrationInterface {
  name = 'Challenges1763900500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE challenge (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      title text NOT NULL,
      background text NOT NULL,
      field text NOT NULL,
      objectives jsonb NOT NULL,
      budget_cap_fen bigint NOT NULL CHECK (budget_cap_fen > 0),
      matching_funds_fen bigint NOT NULL DEFAULT 0 CHECK (matching_funds_fen >= 0),
      source_need_id uuid,
      co_funder_organization_id uuid,
      opens_at timestamptz NOT NULL,
      closes_at timestamptz NOT NULL,
      duration_months int NOT NULL CHECK (duration_months BETWEEN 1 AND 120),
      eligible_kinds text[] NOT NULL,
      eligible_regions text[] NOT NULL DEFAULT '{}',
      verified_only boolean NOT NULL DEFAULT true,
      deliverables text NOT NULL,
      criteria jsonb NOT NULL,
      publicity_days int NOT NULL DEFAULT 7 CHECK (publicity_days BETWEEN 1 AND 60),
      status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft','published','reviewing','awarded','in_progress','completed','failed','cancelled')),
      status_reason text,
      notice_ends_at timestamptz,
      created_by_user_id uuid,
      published_at timestamptz,
      finalized_at timestamptz,
      completed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (closes_at > opens_at)
    )`);
    await q.query(`CREATE INDEX challenge_status_idx ON challenge (status, closes_at)`);
    await q.query(`CREATE TABLE proposal (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      challenge_id uuid NOT NULL REFERENCES challenge(id),
      organization_id uuid NOT NULL,
      partner_organization_ids uuid[] NOT NULL DEFAULT '{}',
      leader_name text NOT NULL,
      leader_title text,
      team jsonb NOT NULL DEFAULT '[]',
      approach text NOT NULL,
      commitments jsonb NOT NULL DEFAULT '[]',
      requested_budget_fen bigint NOT NULL CHECK (requested_budget_fen > 0),
      schedule jsonb NOT NULL DEFAULT '[]',
      status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft','submitted','withdrawn','ineligible','shortlisted','awarded','declined')),
      status_reason text,
      awarded_budget_fen bigint,
      created_by_user_id uuid,
      submitted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT proposal_one_per_org UNIQUE (challenge_id, organization_id)
    )`);
    await q.query(`CREATE TABLE proposal_attachment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      proposal_id uuid NOT NULL REFERENCES proposal(id) ON DELETE CASCADE,
      filename text NOT NULL,
      content_type text NOT NULL,
      size_bytes int NOT NULL,
      sha256 text NOT NULL,
      content bytea NOT NULL,
      uploaded_by_user_id uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE challenge_expert (
      challenge_id uuid NOT NULL REFERENCES challenge(id),
      user_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      assigned_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (challenge_id, user_id)
    )`);
    await q.query(`CREATE TABLE expert_conflict (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      challenge_id uuid NOT NULL REFERENCES challenge(id),
      user_id uuid NOT NULL,
      proposal_id uuid NOT NULL REFERENCES proposal(id),
      reason text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (user_id, proposal_id)
    )`);
    await q.query(`CREATE TABLE review (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      proposal_id uuid NOT NULL REFERENCES proposal(id),
      expert_user_id uuid NOT NULL,
      scores jsonb NOT NULL,
      comments jsonb NOT NULL DEFAULT '{}',
      total numeric(6,2) NOT NULL,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted')),
      submitted_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (proposal_id, expert_user_id)
    )`);
    await q.query(`CREATE TABLE objection (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      challenge_id uuid NOT NULL REFERENCES challenge(id),
      organization_id uuid NOT NULL,
      filed_by_user_id uuid NOT NULL,
      text text NOT NULL,
      answer text,
      answered_by_user_id uuid,
      answered_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE milestone (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      challenge_id uuid NOT NULL REFERENCES challenge(id),
      proposal_id uuid NOT NULL REFERENCES proposal(id),
      seq int NOT NULL,
      title text NOT NULL,
      deliverable text NOT NULL,
      due_date date NOT NULL,
      fund_share_pct numeric(5,2) NOT NULL CHECK (fund_share_pct > 0 AND fund_share_pct <= 100),
      amount_fen bigint NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','submitted','accepted','returned')),
      evidence text,
      return_reason text,
      submitted_at timestamptz,
      accepted_at timestamptz,
      UNIQUE (proposal_id, seq)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'milestone',
      'objection',
      'review',
      'expert_conflict',
      'challenge_expert',
      'proposal_attachment',
      'proposal',
      'challenge',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
