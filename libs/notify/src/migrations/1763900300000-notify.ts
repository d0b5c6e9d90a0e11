import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notify1763900300000 implements MigrationInterface {
  name = 'Notify1763900300000';

  async up(q: QueryRunner): Promise<void> {
    // In-app inbox: one row per event per user, whatever retries or workers do.
    await q.query(`CREATE TABLE notification (
      id uuid PRIMARY KEY,
      event_id uuid NOT NULL,
      event_type text NOT NULL,
      user_id uuid NOT NULL,
      organization_id uuid,
      title text NOT NULL,
      body text NOT NULL,
      link text,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      CONSTRAINT notification_event_user_uq UNIQUE (event_id, user_id)
    )`);
    await q.query(`CREATE INDEX notification_user_idx ON notification (user_id, (read_at IS NOT NULL), created_at DESC)`);

    // E-mail and webhook deliveries: one row per (event, recipient, channel), the id derived from the three.
    await q.query(`CREATE TABLE notification_delivery (
      id uuid PRIMARY KEY,
      event_id uuid NOT NULL,
      event_type text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('email','webhook')),
      recipient_id uuid NOT NULL,
      organization_id uuid,
      address text NOT NULL,
      message jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending','sending','sent','failed','unknown','digest')),
      attempts int NOT NULL DEFAULT 0,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      claimed_at timestamptz,
      delivered_at timestamptz,
      CONSTRAINT notification_delivery_uq UNIQUE (event_id, recipient_id, channel)
    )`);
    await q.query(`CREATE INDEX notification_delivery_event_idx ON notification_delivery (event_id, channel, status)`);
    await q.query(`CREATE INDEX notification_delivery_recipient_idx ON notification_delivery (recipient_id, created_at DESC)`);
    await q.query(`CREATE INDEX notification_delivery_digest_idx ON notification_delivery (recipient_id) WHERE status = 'digest'`);

    // Preferences: absent row = the default (instant on every channel).
    await q.query(`CREATE TABLE notification_preference (
      user_id uuid NOT NULL,
      event_type text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('inbox','email')),
      mode text NOT NULL CHECK (mode IN ('instant','digest','off')),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, event_type, channel)
    )`);
    await q.query(`CREATE INDEX notification_preference_type_idx ON notification_preference (event_type, user_id)`);

    await q.query(`CREATE TABLE webhook_endpoint (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      url text NOT NULL,
      secret text NOT NULL,
      description text,
      event_types text[] NOT NULL DEFAULT '{}',
      enabled boolean NOT NULL DEFAULT true,
      disabled_at timestamptz,
      disabled_reason text,
      consecutive_failures int NOT NULL DEFAULT 0,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX webhook_endpoint_org_idx ON webhook_endpoint (organization_id) WHERE enabled`);

    await q.query(`CREATE TABLE webhook_attempt (
      id bigserial PRIMARY KEY,
      delivery_id uuid NOT NULL REFERENCES notification_delivery(id) ON DELETE CASCADE,
      endpoint_id uuid NOT NULL REFERENCES webhook_endpoint(id) ON DELETE CASCADE,
      attempt int NOT NULL,
      status_code int,
      error text,
      duration_ms int NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX webhook_attempt_delivery_idx ON webhook_attempt (delivery_id, attempt)`);

    // Reminders: the row is the truth, the delayed BullMQ job only its alarm clock.
    await q.query(`CREATE TABLE reminder (
      key text PRIMARY KEY,
      job_name text NOT NULL,
      fire_at timestamptz NOT NULL,
      data jsonb NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','fired','cancelled')),
      fired_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX reminder_scheduled_idx ON reminder (fire_at) WHERE status = 'scheduled'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reminder`);
    await q.query(`DROP TABLE webhook_attempt`);
    await q.query(`DROP TABLE webhook_endpoint`);
    await q.query(`DROP TABLE notification_preference`);
    await q.query(`DROP TABLE notification_delivery`);
    await q.query(`DROP TABLE notification`);
  }
}
