import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { bigintNumber, OrganizationKind } from '@app/core';
import type { ChallengeStatus, Criterion, Objective } from '../challenge.constants';

/** 榜单: an open call published by the bureau (揭榜挂帅). */
@Entity({ name: 'challenge' })
export class Challenge {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) background!: string;
  @Column({ type: 'text' }) field!: string;
  @Column({ type: 'jsonb' }) objectives!: Objective[];
  /** Government funds, in fen. */
  @Column({ type: 'bigint', transformer: bigintNumber }) budgetCapFen!: number;
  /** The co-funding enterprise's matching funds, in fen. */
  @Column({ type: 'bigint', transformer: bigintNumber, default: 0 }) matchingFundsFen!: number;
  @Column({ type: 'uuid', nullable: true }) sourceNeedId!: string | null;
  @Column({ type: 'uuid', nullable: true }) coFunderOrganizationId!: string | null;
  @Column({ type: 'timestamptz' }) opensAt!: Date;
  @Column({ type: 'timestamptz' }) closesAt!: Date;
  @Column({ type: 'int' }) durationMonths!: number;
  @Column({ type: 'text', array: true }) eligibleKinds!: OrganizationKind[];
  @Column({ type: 'text', array: true, default: () => `'{}'` }) eligibleRegions!: string[];
  @Column({ type: 'boolean', default: true }) verifiedOnly!: boolean;
  @Column({ type: 'text' }) deliverables!: string;
  @Column({ type: 'jsonb' }) criteria!: Criterion[];
  @Column({ type: 'int', default: 7 }) publicityDays!: number;
  @Column({ type: 'text', default: 'draft' }) status!: ChallengeStatus;
  @Column({ type: 'text', nullable: true }) statusReason!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) noticeEndsAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) createdByUserId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) invitedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) finalizedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
