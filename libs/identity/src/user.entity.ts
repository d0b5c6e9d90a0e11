import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber, type MemberRole } from '@app/core';

@Entity({ name: 'app_user' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  /** Stored lower-case; unique. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text', select: false })
  passwordHash!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', default: 'member' })
  role!: MemberRole;

  /** In the bureau's expert pool (专家库). */
  @Column({ type: 'boolean', default: false })
  isExpert!: boolean;

  /** Fields of expertise, from the maintained field list. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  expertFields!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** When the user proved the address theirs (followed an e-mailed link); null until then. */
  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt!: Date | null;

  /** Invited by e-mail and not joined yet (the account stays disabled until the invitee sets a password). */
  @Column({ type: 'timestamptz', nullable: true })
  invitedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  invitedBy!: string | null;

  /** Removed from its organization: kept for the history, never signs in again; the address is free. */
  @Column({ type: 'timestamptz', nullable: true })
  removedAt!: Date | null;

  /** The TOTP secret, sealed (AES-256-GCM, see two-factor.util); set but not enabled while enrolling. */
  @Column({ type: 'text', nullable: true, select: false })
  totpSecret!: string | null;

  /** When two-factor sign-in was turned on; null while it is off. */
  @Column({ type: 'timestamptz', nullable: true })
  totpEnabledAt!: Date | null;

  /** The last TOTP time step a code was accepted from: a code of it or before is not taken again. */
  @Column({ type: 'bigint', nullable: true, select: false, transformer: bigintNumber })
  totpLastStep!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
