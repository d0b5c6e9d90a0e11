import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An expert assigned to a challenge's review. */
@Entity({ name: 'challenge_expert' })
export class ChallengeExpert {
  @PrimaryColumn({ type: 'uuid' }) challengeId!: string;
  @PrimaryColumn({ type: 'uuid' }) userId!: string;
  @Column({ type: 'uuid' }) organizationId!: string;
  @CreateDateColumn({ type: 'timestamptz' }) assignedAt!: Date;
}

/** A conflict of interest an expert declared for one proposal. */
@Entity({ name: 'expert_conflict' })
export class ExpertConflict {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) challengeId!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @Column({ type: 'uuid' }) proposalId!: string;
  @Column({ type: 'text' }) reason!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** 专家评审: one expert's scores of one proposal, per criterion (0–100), with comments. */
@Entity({ name: 'review' })
export class Review {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) proposalId!: string;
  @Column({ type: 'uuid' }) expertUserId!: string;
  @Column({ type: 'jsonb' }) scores!: Record<string, number>;
  @Column({ type: 'jsonb', default: () => `'{}'` }) comments!: Record<string, string>;
  /** Weighted total 0–100. */
  @Column({ type: 'numeric', precision: 6, scale: 2, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  total!: number;
  @Column({ type: 'text', default: 'draft' }) status!: 'draft' | 'submitted';
  @Column({ type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** An objection filed during the public notice period (公示), and the bureau's answer. */
@Entity({ name: 'objection' })
export class Objection {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) challengeId!: string;
  @Column({ type: 'uuid' }) organizationId!: string;
  @Column({ type: 'uuid' }) filedByUserId!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'text', nullable: true }) answer!: string | null;
  @Column({ type: 'uuid', nullable: true }) answeredByUserId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) answeredAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
