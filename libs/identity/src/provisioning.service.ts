import { Injectable } from '@nestjs/common';
import { AuditService, OrganizationKind, SYSTEM_ACTOR, TransactionHost } from '@app/core';
import { Organization } from './organization.entity';
import { User } from './user.entity';
import { UsersService } from './users.service';

export interface ProvisionedUser {
  email: string;
  password: string;
  name: string;
  role?: 'admin' | 'member';
  isExpert?: boolean;
  expertFields?: string[];
}

/**
 * Creates already-verified organizations with their users, outside the self-service flow:
 * the bureau's own account (which cannot register itself), demo data and test fixtures.
 */
@Injectable()
export class ProvisioningService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async createVerifiedOrganization(input: {
    name: string;
    kind: OrganizationKind;
    region: string;
    creditCode?: string | null;
    description?: string | null;
    users: ProvisionedUser[];
  }): Promise<{ organization: Organization; users: User[] }> {
    return this.tx.run(async () => {
      const organization = await this.tx.repo(Organization).save(
        this.tx.repo(Organization).create({
          name: input.name,
          kind: input.kind,
          region: input.region,
          creditCode: input.creditCode ?? null,
          description: input.description ?? null,
          status: 'verified',
          verifiedAt: new Date(),
          submittedAt: new Date(),
          contactName: input.users[0]?.name ?? null,
          contactEmail: input.users[0]?.email ?? null,
        }),
      );
      const users: User[] = [];
      for (const u of input.users) {
        const user = await this.users.create({
          organizationId: organization.id,
          email: u.email,
          password: u.password,
          name: u.name,
          role: u.role ?? 'admin',
        });
        // Accounts the platform makes itself are trusted like those from before verification existed.
        user.emailVerifiedAt = new Date();
        if (u.isExpert) {
          user.isExpert = true;
          user.expertFields = u.expertFields ?? [];
        }
        await this.tx.repo(User).save(user);
        users.push(user);
      }
      await this.audit.record({
        actor: SYSTEM_ACTOR,
        action: 'organization.provision',
        entityType: 'organization',
        entityId: organization.id,
        to: 'verified',
      });
      return { organization, users };
    });
  }
}
