import { Injectable } from '@nestjs/common';
import { AuthUser, NotFoundError } from '@app/core';
import type { OrganizationDetailDto } from './dto/organization.dto';
import { toOrganizationDetail } from './organization.mapper';
import { OrganizationsService } from './organizations.service';
import { toUserView, UsersService, UserView } from './users.service';

@Injectable()
export class MeService {
  constructor(
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
  ) {}

  /** The signed-in user and their own organization, with everything the organization may see of itself. */
  async get(user: AuthUser): Promise<{ user: UserView; organization: OrganizationDetailDto }> {
    const [u, organization] = await Promise.all([this.users.get(user.userId), this.organizations.findById(user.organizationId)]);
    if (!organization) throw new NotFoundError('单位');
    return { user: toUserView(u), organization: toOrganizationDetail(organization) };
  }
}
