import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Why a one-time link exists: a forgotten password, a first admin who never had one, a new
 * registration's e-mail address to verify, a registration tried with an address that has an
 * account already (its e-mail says so, and the link resets the password like `reset`), or an
 * invitation to join an organization (the invitee sets their name and password).
 */
export type PasswordLinkPurpose = 'reset' | 'setup' | 'verify' | 'register-attempt' | 'invite';

/** The purposes whose link sets a new password. */
export const PASSWORD_SETTING_PURPOSES: PasswordLinkPurpose[] = ['reset', 'setup', 'register-attempt'];

/**
 * A one-time link e-mailed (or printed) to one user: to set a password, or to verify an address.
 * Only a hash of its secret is stored, and only once the link is made (when it is mailed, or
 * printed for the bureau's first admin); it works once, until `expiresAt`, and any new password of
 * the user ends every link still open.
 */
@Entity({ name: 'password_link' })
export class PasswordLink {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  purpose!: PasswordLinkPurpose;

  @Column({ type: 'text', nullable: true })
  secretHash!: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  requestedIp!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
