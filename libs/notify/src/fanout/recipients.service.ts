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
    const organizationIds =
      'bureau' in audience ? (await this.organizations.verifiedOfKinds(['bureau'])).map((o) => o.id) : audience.organizationIds;
    return this.users.contactsOf(organizationIds);
  }
}
