import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TargetMetric } from './target-metrics';

const numeric = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A plan's target the bureau keeps (技术合同成交额 150 亿元 by 2027 …), with the document it comes from. */
@Entity({ name: 'stats_target' })
export class StatsTarget {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) metric!: TargetMetric;
  /** The city, or one of its counties. */
  @Column({ type: 'text' }) place!: string;
  @Column({ type: 'int' }) dueYear!: number;
  @Column({ type: 'numeric', transformer: numeric }) targetValue!: number;
  @Column({ type: 'text' }) unit!: string;
  /** The plan document, e.g. 荆门市…行动方案. */
  @Column({ type: 'text' }) sourceDocument!: string;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'uuid', nullable: true }) createdByUserId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** A value the bureau reports for a target whose metric the platform cannot count (one per year). */
@Entity({ name: 'stats_target_value' })
export class StatsTargetValue {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) targetId!: string;
  @Column({ type: 'int' }) year!: number;
  @Column({ type: 'numeric', transformer: numeric }) value!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
