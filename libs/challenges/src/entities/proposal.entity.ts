import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { bigintNumber } from '@app/core';
import type { Commitment, ProposalStatus, SchedulePhase, TeamMember } from '../challenge.constants';

/** 揭榜申请: an organization's (or consortium's) answer to a challenge. */
@Entity({ name: 'proposal' })
export class Proposal {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) challengeId!: string;
  /** The lead organization. */
  @Column({ type: 'uuid' }) organizationId!: string;
  @Column({ type: 'uuid', array: true, default: () => `'{}'` }) partnerOrganizationIds!: string[];
  /** 挂帅人 */
  @Column({ type: 'text' }) leaderName!: string;
  @Column({ type: 'text', nullable: true }) leaderTitle!: string | null;
  @Column({ type: 'jsonb', default: () => `'[]'` }) team!: TeamMember[];
  @Column({ type: 'text' }) approach!: string;
  @Column({ type: 'jsonb', default: () => `'[]'` }) commitments!: Commitment[];
  @Column({ type: 'bigint', transformer: bigintNumber }) requestedBudgetFen!: number;
  @Column({ type: 'jsonb', default: () => `'[]'` }) schedule!: SchedulePhase[];
  @Column({ type: 'text', default: 'draft' }) status!: ProposalStatus;
  @Column({ type: 'text', nullable: true }) statusReason!: string | null;
  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber }) awardedBudgetFen!: number | null;
  @Column({ type: 'uuid', nullable: true }) createdByUserId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
