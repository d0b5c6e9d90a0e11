import { Injectable } from '@nestjs/common';
import type { OrganizationKind, OrganizationStatus } from '@app/core';
import { Organization, OrganizationsService, UsersService } from '@app/identity';

export interface OrgRef {
  id: string;
  name: string;
  kind: OrganizationKind;
  status: OrganizationStatus;
  region: string;
  creditCode: string | null;
}

/**
 * The catalog's read-only view of organizations (names for lists and spreadsheets, lookups by
 * name or credit code for imports), through identity's exported service.
 */
@Injectable()
export class OrganizationDirectory {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
  ) {}

  /** People's names by user id (for histories: who acted, without their ids). */
  async userNames(ids: string[]): Promise<Map<string, string>> {
    return new Map((await this.users.findByIds(ids)).map((u) => [u.id, u.name]));
  }

  async byIds(ids: string[]): Promise<Map<string, OrgRef>> {
    const rows = await this.organizations.findByIds(ids);
    return new Map(rows.map((o) => [o.id, toRef(o)]));
  }

  async byId(id: string): Promise<OrgRef | null> {
    return (await this.byIds([id])).get(id) ?? null;
  }

  /** Every verified organization of the given kinds (for an import: resolving names and codes). */
  async verified(kinds: OrganizationKind[]): Promise<OrgRef[]> {
    return (await this.organizations.verifiedOfKinds(kinds)).map(toRef);
  }
}

function toRef(o: Organization): OrgRef {
  return { id: o.id, name: o.name, kind: o.kind, status: o.status, region: o.region, creditCode: o.creditCode };
}
