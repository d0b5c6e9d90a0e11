import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ENGAGEMENT_STATUSES = ['requested', 'accepted', 'declined', 'negotiating', 'deal', 'abandoned'] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

export const ENGAGEMENT_STATUS_LABELS: Record<EngagementStatus, string> = {
  requested: '待答复',
  accepted: '已接受',
  declined: '已婉拒',
  negotiating: '洽谈中',
  deal: '已成交',
  abandoned: '已终止',
};

/** 对接: a contact request between the two sides of a match or a published item, up to a deal. */
@Entity({ name: 'engagement' })
export class Engagement {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', nullable: true }) needId!: string | null;
  @Column({ type: 'uuid', nullable: true }) resultId!: string | null;
  @Column({ type: 'uuid', nullable: true }) matchId!: string | null;
  @Column({ type: 'uuid' }) requesterOrganizationId!: string;
  @Column({ type: 'uuid' }) requesterUserId!: string;
  @Column({ type: 'uuid' }) receiverOrganizationId!: string;
  @Column({ type: 'text' }) message!: string;
  @Column({ type: 'text', default: 'requested' }) status!: EngagementStatus;
  @Column({ type: 'text', nullable: true }) reasonCode!: string | null;
  @Column({ type: 'text', nullable: true }) reasonText!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) respondedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) adoptionId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
