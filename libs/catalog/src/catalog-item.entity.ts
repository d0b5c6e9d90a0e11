import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ItemStatus } from './catalog.constants';
import type { QualityHint } from './quality/quality.util';

/** What needs and results share: owner, classification, contact, workflow state and quality. */
export abstract class CatalogItem {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  keywords!: string[];

  @Column({ type: 'text', nullable: true })
  field!: string | null;

  @Column({ type: 'smallint', nullable: true })
  trl!: number | null;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  cooperationModes!: string[];

  @Column({ type: 'text' })
  region!: string;

  @Column({ type: 'text', nullable: true })
  contactName!: string | null;

  @Column({ type: 'text', nullable: true })
  contactPhone!: string | null;

  @Column({ type: 'text', nullable: true })
  contactEmail!: string | null;

  @Column({ type: 'text', default: 'draft' })
  status!: ItemStatus;

  @Column({ type: 'text', nullable: true })
  rejectReason!: string | null;

  @Column({ type: 'smallint', default: 0 })
  qualityScore!: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  qualityHints!: QualityHint[];

  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
