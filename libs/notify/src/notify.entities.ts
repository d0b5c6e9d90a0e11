import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One entry of a person's in-app inbox. */
@Entity({ name: 'notification' })
export class Notification {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') eventId!: string;
  @Column('text') eventType!: string;
  @Column('uuid') userId!: string;
  @Column({ type: 'uuid', nullable: true }) organizationId!: string | null;
  @Column('text') title!: string;
  @Column('text') body!: string;
  @Column({ type: 'text', nullable: true }) link!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) readAt!: Date | null;
}

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'unknown' | 'digest';

/** One e-mail or webhook delivery of an event to one recipient (user or endpoint). */
@Entity({ name: 'notification_delivery' })
export class NotificationDelivery {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') eventId!: string;
  @Column('text') eventType!: string;
  @Column('text') channel!: 'email' | 'webhook';
  @Column('uuid') recipientId!: string;
  @Column({ type: 'uuid', nullable: true }) organizationId!: string | null;
  @Column('text') address!: string;
  @Column('jsonb') message!: Record<string, unknown>;
  @Column('text') status!: DeliveryStatus;
  @Column('int') attempts!: number;
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz' }) updatedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) claimedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) deliveredAt!: Date | null;
}

export type PreferenceChannel = 'inbox' | 'email';
export type PreferenceMode = 'instant' | 'digest' | 'off';

@Entity({ name: 'notification_preference' })
export class NotificationPreference {
  @PrimaryColumn('uuid') userId!: string;
  @PrimaryColumn('text') eventType!: string;
  @PrimaryColumn('text') channel!: PreferenceChannel;
  @Column('text') mode!: PreferenceMode;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

/** A URL an organization registered; the secret signs every delivery. */
@Entity({ name: 'webhook_endpoint' })
export class WebhookEndpoint {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') organizationId!: string;
  @Column('text') url!: string;
  @Column({ type: 'text', select: false }) secret!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  /** Empty: every event type. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) eventTypes!: string[];
  @Column({ type: 'boolean', default: true }) enabled!: boolean;
  @Column({ type: 'timestamptz', nullable: true }) disabledAt!: Date | null;
  @Column({ type: 'text', nullable: true }) disabledReason!: string | null;
  @Column({ type: 'int', default: 0 }) consecutiveFailures!: number;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

@Entity({ name: 'webhook_attempt' })
export class WebhookAttempt {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('uuid') deliveryId!: string;
  @Column('uuid') endpointId!: string;
  @Column('int') attempt!: number;
  @Column({ type: 'int', nullable: true }) statusCode!: number | null;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column('int') durationMs!: number;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
}

@Entity({ name: 'reminder' })
export class Reminder {
  @PrimaryColumn('text') key!: string;
  @Column('text') jobName!: string;
  @Column({ type: 'timestamptz' }) fireAt!: Date;
  @Column('jsonb') data!: Record<string, unknown>;
  @Column('text') status!: 'scheduled' | 'fired' | 'cancelled';
  @Column({ type: 'timestamptz', nullable: true }) firedAt!: Date | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

export const NOTIFY_ENTITIES = [Notification, NotificationDelivery, NotificationPreference, WebhookEndpoint, WebhookAttempt, Reminder];
