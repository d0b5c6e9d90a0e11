import { Injectable } from '@nestjs/common';
import { AuditService, AuthUser } from '@app/core';
import { OrganizationDirectory } from '../organization-directory';
import { toHistoryView } from './history.view';

/** The visible history of a need, a result or an adoption, naming who acted. */
@Injectable()
export class CatalogHistory {
  constructor(
    private readonly audit: AuditService,
    private readonly orgs: OrganizationDirectory,
  ) {}

  async of(entityType: string, id: string, viewer: AuthUser) {
    const entries = await this.audit.history(entityType, id);
    const userIds = [...new Set(entries.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
    const orgIds = [...new Set(entries.flatMap((e) => (e.actorOrganizationId ? [e.actorOrganizationId] : [])))];
    const [users, orgs] = await Promise.all([this.orgs.userNames(userIds), this.orgs.byIds(orgIds)]);
    const names = { users, organizations: new Map([...orgs].map(([orgId, o]) => [orgId, o.name])) };
    return entries.map((e) => toHistoryView(e, names, viewer));
  }
}
