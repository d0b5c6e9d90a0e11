import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MatchedTerm } from '../relevance';
import type { StructuredFactors } from './match-factors.util';

export interface MatchReasons {
  terms: MatchedTerm[];
  factors: StructuredFactors;
}

export const DISMISS_REASONS = ['领域不符', '技术不成熟', '价格或预算不合适', '已有解决方案', '合作方式不合适', '其他'] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

/** 供需匹配: one need and one result, with a score and the reasons; one row per pair. */
@Entity({ name: 'match' })
export class Match {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) needId!: string;
  @Column({ type: 'uuid' }) resultId!: string;
  @Column({ type: 'uuid' }) needOrganizationId!: string;
  @Column({ type: 'uuid' }) resultOrganizationId!: string;
  @Column({ type: 'smallint' }) score!: number;
  @Column({ type: 'smallint' }) textScore!: number;
  @Column({ type: 'jsonb' }) reasons!: MatchReasons;
  @Column({ type: 'text', default: 'active' }) status!: 'active' | 'retired' | 'dismissed';
  @Column({ type: 'uuid', nullable: true }) dismissedByOrganizationId!: string | null;
  @Column({ type: 'text', nullable: true }) dismissReason!: DismissReason | null;
  @Column({ type: 'text', nullable: true }) dismissNote!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) notifiedAt!: Date | null;
  @Column({ type: 'timestamptz' }) computedAt!: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
