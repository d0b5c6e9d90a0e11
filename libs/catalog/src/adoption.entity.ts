import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AdoptionStatus, BenefitKind, ContractKind } from './catalog.constants';
import { bigintNumber } from './money.util';

/** 成果转化应用: a result put to use by an enterprise under a contract (application list). */
@Entity({ name: 'adoption' })
export class Adoption {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  resultId!: string;

  /** The result's owner, kept here so both sides can be scoped without a join. */
  @Column({ type: 'uuid' })
  resultOrganizationId!: string;

  @Column({ type: 'uuid' })
  enterpriseId!: string;

  @Column({ type: 'uuid' })
  enteredByOrganizationId!: string;

  @Column({ type: 'text' })
  contractKind!: ContractKind;

  @Column({ type: 'bigint', transformer: bigintNumber })
  amountFen!: number;

  @Column({ type: 'date' })
  signedOn!: string;

  @Column({ type: 'text', nullable: true })
  contractRegistrationNo!: string | null;

  @Column({ type: 'text', nullable: true })
  benefitKind!: BenefitKind | null;

  @Column({ type: 'text', nullable: true })
  benefit!: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  benefitAmountFen!: number | null;

  @Column({ type: 'text', default: 'pending' })
  status!: AdoptionStatus;

  @Column({ type: 'text', nullable: true })
  rejectReason!: string | null;

  /** Set when the adoption came from a deal of an engagement (matching). */
  @Column({ type: 'uuid', nullable: true })
  engagementId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
