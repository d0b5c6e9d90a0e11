import { Injectable } from '@nestjs/common';
import { AuthUser } from '@app/core';
import { OrganizationsService } from './organizations.service';
import { toUserView, UsersService } from './users.service';

@Injectable()
export class MeService {
  constructor(
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
  ) {}

  async get(user: AuthUser) {
    const [u, organization] = await Promise.all([this.users.get(user.userId), this.organizations.get(user.organizationId, user)]);
    return { user: toUserView(u), organization };
  }
}
