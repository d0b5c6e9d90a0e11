import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The signed contract (PDF) of an adoption, uploaded by a party for 认定登记: one per adoption
 * (a new upload replaces it until the contract is certified), stored in PostgreSQL and served
 * only to the two parties and the bureau.
 */
@Entity({ name: 'adoption_contract_file' })
export class ContractFile {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) adoptionId!: string;
  @Column({ type: 'text' }) filename!: string;
  @Column({ type: 'int' }) sizeBytes!: number;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ type: 'bytea', select: false }) content!: Buffer;
  @Column({ type: 'uuid', nullable: true }) uploadedByUserId!: string | null;
  @Column({ type: 'uuid', nullable: true }) uploadedByOrganizationId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
