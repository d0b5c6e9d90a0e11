import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AdoptionStatus, BenefitKind, ContractKind, ContractStatus } from './catalog.constants';
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

  /** 合同金额: the whole contract. */
  @Column({ type: 'bigint', transformer: bigintNumber })
  amountFen!: number;

  /** 技术交易额: the technology part of the contract amount (what the figures count); never above it. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  techAmountFen!: number | null;

  @Column({ type: 'date' })
  signedOn!: string;

  /**
   * 技术合同登记号: the bureau's when it certified the contract here; before that, the number the
   * parties declared for a contract registered elsewhere (unverified), if any.
   */
  @Column({ type: 'text', nullable: true })
  contractRegistrationNo!: string | null;

  /** 技术合同认定登记 of the contract (see CONTRACT_STATUSES). */
  @Column({ type: 'text', default: 'unregistered' })
  contractStatus!: ContractStatus;

  @Column({ type: 'text', nullable: true })
  contractReturnReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  contractSubmittedAt!: Date | null;

  /** 登记日期 (Beijing calendar day) of a certified contract: the figures' date for it. */
  @Column({ type: 'date', nullable: true })
  registeredOn!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  certifiedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  certifiedByUserId!: string | null;

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
