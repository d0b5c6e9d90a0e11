import { Injectable } from '@nestjs/common';
import { OrganizationsService, UsersService } from '@app/identity';
import { Audience } from '../notify-events';

export interface Recipient {
  userId: string;
  organizationId: string;
  email: string;
}

/** Turns an event's audience into people, through identity's exported services. */
@Injectable()
export class RecipientsService {
  constructor(
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
  ) {}

  async resolve(audience: Audience): Promise<Recipient[]> {
    if ('userIds' in audience) {
      const users = await this.users.findByIds(audience.userIds);
      return users.filter((u) => u.active).map((u) => ({ userId: u.id, organizationId: u.organizationId, email: u.email }));
    }
    const organizationIds = 'bureau' in audience ? await this.bureauIds() : audience.organizationIds;
    const out: Recipient[] = [];
    const seen = new Set<string>();
    for (const organizationId of organizationIds) {
      for (const u of await this.users.membersOf(organizationId)) {
        if (seen.has(u.id)) continue;
        seen.add(u.id);
        out.push({ userId: u.id, organizationId, email: u.email });
      }
    }
    return out;
  }

  private async bureauIds(): Promise<string[]> {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const res = await this.organizations.list(
        { kind: 'bureau', page, pageSize: 100 } as Parameters<OrganizationsService['list']>[0],
        undefined,
      );
      ids.push(...res.items.map((o) => o.id));
      if (res.items.length < 100) return ids;
    }
  }
}
