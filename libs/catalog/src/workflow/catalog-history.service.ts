import { Injectable } from '@nestjs/common';
import { AuditEntry, AuditService, AuthUser, TransactionHost } from '@app/core';
import { OrganizationDirectory } from '../organization-directory';
import { ItemRevision } from '../revision.entity';
import { toHistoryView } from './history.view';
import type { ItemType } from './item-kind';
import { REVISION_ENTITY } from './revision-machine';

/** The visible history of a need, a result or an adoption, naming who acted. */
@Injectable()
export class CatalogHistory {
  constructor(
    private readonly audit: AuditService,
    private readonly orgs: OrganizationDirectory,
    private readonly tx: TransactionHost,
  ) {}

  async of(entityType: string, id: string, viewer: AuthUser) {
    return this.named(await this.audit.history(entityType, id), viewer);
  }

  /** A need's or result's own steps with those of its revisions (修改), oldest first. */
  async ofItem(type: ItemType, id: string, viewer: AuthUser) {
    const revisions = await this.tx.repo(ItemRevision).find({ select: { id: true }, where: { itemType: type, itemId: id } });
    const lists = await this.tx.all(
      () => this.audit.history(type, id),
      ...revisions.map((r) => () => this.audit.history(REVISION_ENTITY, r.id)),
    );
    const entries = lists.flat().sort((a, b) => a.at.getTime() - b.at.getTime() || Number(BigInt(a.id) - BigInt(b.id)));
    return this.named(entries, viewer);
  }

  private async named(entries: AuditEntry[], viewer: AuthUser) {
    const userIds = [...new Set(entries.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
    const orgIds = [...new Set(entries.flatMap((e) => (e.actorOrganizationId ? [e.actorOrganizationId] : [])))];
    const [users, orgs] = await this.tx.all(
      () => this.orgs.userNames(userIds),
      () => this.orgs.byIds(orgIds),
    );
    const names = { users, organizations: new Map([...orgs].map(([orgId, o]) => [orgId, o.name])) };
    return entries.map((e) => toHistoryView(e, names, viewer));
  }
}
