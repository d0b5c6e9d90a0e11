import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OrganizationKind, OrganizationStatus } from '@app/core';

@Entity({ name: 'organization' })
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: OrganizationKind;

  /** 统一社会信用代码; required for enterprises, unique when present. */
  @Column({ type: 'text', nullable: true })
  creditCode!: string | null;

  /** City or county, e.g. 荆门市 / 京山市. */
  @Column({ type: 'text' })
  region!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: OrganizationStatus;

  @Column({ type: 'text', nullable: true })
  rejectReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  /**
   * When it entered the bureau's queue: once the admin who registered it verified their e-mail
   * address. Null until then, and the bureau's list of pending organizations leaves it out.
   */
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  contactName!: string | null;

  @Column({ type: 'text', nullable: true })
  contactPhone!: string | null;

  @Column({ type: 'text', nullable: true })
  contactEmail!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
