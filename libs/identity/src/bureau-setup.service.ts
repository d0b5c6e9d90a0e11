import { Injectable } from '@nestjs/common';
import { isEmail } from 'class-validator';
import { AuditService, ErrorDetail, SYSTEM_ACTOR, TransactionHost, ValidationFailedError } from '@app/core';
import { BureauExistsError, EmailTakenError } from './identity.errors';
import { Organization } from './organization.entity';
import { PasswordsService } from './passwords.service';
import { ProvisioningService } from './provisioning.service';
import { newSecret } from './secret.util';
import { User } from './user.entity';
import { UsersService } from './users.service';

/** How long the printed set-password link of the bureau's admin works. */
export const SETUP_LINK_HOURS = 24;

export interface BureauSetupInput {
  /** The bureau's name, e.g. 荆门市科学技术局. */
  name: string;
  /** The first admin's e-mail (their sign-in). */
  email: string;
  /** Where the bureau is; by default the city at the start of its name. */
  region?: string;
  adminName?: string;
  /** Run again although a bureau exists: adds this admin to it, or makes a new link for them. */
  force?: boolean;
}

export interface BureauSetupResult {
  organization: { id: string; name: string; created: boolean };
  admin: { id: string; email: string; created: boolean };
  /** The one-time set-password token (the admin never had a password anyone knows). */
  token: string;
  expiresAt: Date;
}

/** 荆门市科学技术局 → 荆门市; 恩施土家族苗族自治州科学技术局 → 恩施土家族苗族自治州. */
function regionOf(name: string): string | null {
  return /^(.{2,20}?(?:自治州|地区|盟|市|州))/.exec(name)?.[1] ?? null;
}

/**
 * The bureau's first account, for a fresh install (`npm run bureau:create`): the bureau cannot
 * register itself, and nothing else creates it outside the demo. Made with the same provisioning
 * as every verified organization; the admin gets a random password nobody sees and a one-time
 * link to set their own. Refused once a bureau exists, unless forced; audited either way.
 */
@Injectable()
export class BureauSetupService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly provisioning: ProvisioningService,
    private readonly users: UsersService,
    private readonly passwords: PasswordsService,
    private readonly audit: AuditService,
  ) {}

  async setUp(input: BureauSetupInput): Promise<BureauSetupResult> {
    const name = input.name.trim();
    const email = input.email.trim().toLowerCase();
    const adminName = input.adminName?.trim() || '科技局管理员';
    const region = input.region?.trim() || regionOf(name);
    const problems: ErrorDetail[] = [];
    if (!name || name.length > 100) problems.push({ field: 'name', message: '科技局名称（--name）不能为空，且不超过 100 个字' });
    if (!isEmail(email) || email.length > 200) problems.push({ field: 'email', message: '管理员邮箱（--email）不是有效的邮箱地址' });
    if (!region || region.length > 50) {
      problems.push({ field: 'region', message: '无法从名称看出所在地，请用 --region 指明（如 荆门市），不超过 50 个字' });
    }
    if (adminName.length > 50) problems.push({ field: 'adminName', message: '管理员姓名（--admin-name）不超过 50 个字' });
    if (problems.length) throw new ValidationFailedError(problems.map((p) => p.message).join('；'), problems);

    return this.tx.run(async (manager) => {
      // Two runs at once would both find no bureau: one waits for the other.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('identity:bureau-setup'))`);
      const existing = await this.tx.repo(Organization).findOne({ where: { kind: 'bureau' }, order: { createdAt: 'ASC' } });
      if (existing && !input.force) throw new BureauExistsError(existing.name);

      let organization: Organization;
      let admin: User;
      let adminCreated = true;
      if (!existing) {
        const made = await this.provisioning.createVerifiedOrganization({
          name,
          kind: 'bureau',
          region: region!,
          users: [{ email, password: newSecret(), name: adminName, role: 'admin' }],
        });
        organization = made.organization;
        admin = made.users[0];
      } else {
        organization = existing;
        const found = await this.tx
          .repo(User)
          .createQueryBuilder('u')
          .where('lower(u.email) = :email AND u.removed_at IS NULL', { email })
          .getOne();
        if (found && found.organizationId !== existing.id) throw new EmailTakenError();
        if (found) {
          // The bureau's own admin lost access: a new link, and the account an active admin again.
          admin = found;
          adminCreated = false;
          if (!found.active || found.role !== 'admin') await this.tx.repo(User).update({ id: found.id }, { active: true, role: 'admin' });
        } else {
          admin = await this.users.create({ organizationId: existing.id, email, password: newSecret(), name: adminName, role: 'admin' });
        }
      }
      const link = await this.passwords.createSetupLink(admin.id, SETUP_LINK_HOURS);
      await this.audit.record({
        actor: SYSTEM_ACTOR,
        action: 'bureau.create',
        entityType: 'organization',
        entityId: organization.id,
        to: !existing ? 'created' : adminCreated ? 'admin-added' : 'link-renewed',
        reason: existing ? '--force' : null,
        data: { adminUserId: admin.id, email, forced: !!input.force },
      });
      return {
        organization: { id: organization.id, name: organization.name, created: !existing },
        admin: { id: admin.id, email: admin.email, created: adminCreated },
        token: link.token,
        expiresAt: link.expiresAt,
      };
    });
  }
}
