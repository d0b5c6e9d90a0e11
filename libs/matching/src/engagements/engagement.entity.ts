import { StateMachine } from '@app/core';
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

/** 对接's transitions (core's StateMachine; EngagementsService applies them through Transitions). */
export const ENGAGEMENT_MACHINE = new StateMachine({
  entity: 'engagement',
  label: '对接',
  states: ENGAGEMENT_STATUS_LABELS,
  transitions: {
    accept: { from: ['requested'], to: 'accepted', who: 'the receiver', event: 'engagement.accepted' },
    decline: { from: ['requested'], to: 'declined', who: 'the receiver, with a reason from the list', event: 'engagement.declined' },
    negotiate: { from: ['accepted'], to: 'negotiating', who: 'either party', event: 'engagement.negotiating' },
    abandon: {
      from: ['requested', 'accepted', 'negotiating'],
      to: 'abandoned',
      who: 'either party (a request only by its requester), with a reason',
      event: 'engagement.abandoned',
    },
    deal: { from: ['negotiating'], to: 'deal', who: 'either party, with the contract', event: 'engagement.deal' },
  },
});
export type EngagementAction = keyof typeof ENGAGEMENT_MACHINE.definition.transitions;
