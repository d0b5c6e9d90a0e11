import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Why a link to set a password exists: a forgotten password, or a first admin who never had one. */
export type PasswordLinkPurpose = 'reset' | 'setup';

/**
 * A one-time link to set a password. Only a hash of its secret is stored, and only once the link
 * is made (when it is mailed, or printed for the bureau's first admin); it works once, until
 * `expiresAt`, and any new password of the user ends every link still open.
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
