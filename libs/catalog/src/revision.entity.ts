import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ItemType } from './workflow/item-kind';
import type { RevisionStatus } from './workflow/revision-machine';

/**
 * 修改: an owner's change to its published need or result, waiting for the bureau. `changes` holds
 * the new values by column (as stored on the item); `before` the values they replace (read live
 * while pending, frozen when decided, so a decided revision still shows what it changed).
 */
@Entity({ name: 'item_revision' })
export class ItemRevision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  itemType!: ItemType;

  @Column({ type: 'uuid' })
  itemId!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: RevisionStatus;

  @Column({ type: 'jsonb' })
  changes!: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  before!: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  rejectReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedByUserId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
