import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A PDF attached to a proposal, stored in PostgreSQL and served only to those with access. */
@Entity({ name: 'proposal_attachment' })
export class ProposalAttachment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) proposalId!: string;
  @Column({ type: 'text' }) filename!: string;
  @Column({ type: 'text' }) contentType!: string;
  @Column({ type: 'int' }) sizeBytes!: number;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ type: 'bytea', select: false }) content!: Buffer;
  @Column({ type: 'uuid', nullable: true }) uploadedByUserId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
