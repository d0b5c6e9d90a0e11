import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber } from '@app/core';
import type { MilestoneStatus } from '../challenge.constants';

/** 里程碑: a funded deliverable of an awarded proposal, accepted or returned by the bureau. */
@Entity({ name: 'milestone' })
export class Milestone {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) challengeId!: string;
  @Column({ type: 'uuid' }) proposalId!: string;
  @Column({ type: 'int' }) seq!: number;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) deliverable!: string;
  @Column({ type: 'date' }) dueDate!: string;
  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  fundSharePct!: number;
  /** The funds this milestone releases, in fen. */
  @Column({ type: 'bigint', transformer: bigintNumber }) amountFen!: number;
  @Column({ type: 'text', default: 'pending' }) status!: MilestoneStatus;
  @Column({ type: 'text', nullable: true }) evidence!: string | null;
  @Column({ type: 'text', nullable: true }) returnReason!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) acceptedAt!: Date | null;
}
