import { Injectable } from '@nestjs/common';
import { In, MoreThan } from 'typeorm';
import type { OrganizationKind } from '@app/core';
import { TransactionHost } from '@app/core';
import type { CatalogItem } from './catalog-item.entity';
import { Need } from './need.entity';
import { OrganizationDirectory, type OrgRef } from './organization-directory';
import { Result } from './result.entity';

export type ItemType = 'need' | 'result';

/** What search and matching read of a need or a result. */
export interface MatchableItem {
  type: ItemType;
  id: string;
  organizationId: string;
  organizationName: string | null;
  organizationKind: OrganizationKind | null;
  status: CatalogItem['status'];
  title: string;
  keywords: string[];
  /** A need's description or a result's summary. */
  body: string;
  field: string | null;
  trl: number | null;
  cooperationModes: string[];
  region: string;
  budgetMinFen: number | null;
  budgetMaxFen: number | null;
  priceFen: number | null;
  priceNegotiable: boolean;
  publishedAt: Date | null;
  updatedAt: Date;
}

export interface ContactInfo {
  organizationId: string;
  name: string | null;
  phone: string | null;
  email: string | null;
}

/**
 * The catalog's read side for other contexts (search index sync, matching, engagements): items
 * by id, published items page by page, and — only for callers that have checked the right to
 * see it — an item's contact person.
 */
@Injectable()
export class CatalogReader {
  constructor(
    private readonly tx: TransactionHost,
    private readonly orgs: OrganizationDirectory,
  ) {}

  /** Items by id; `organizations: false` leaves their organizations' names and kinds out (one query less). */
  async items(type: ItemType, ids: string[], options: { organizations?: boolean } = {}): Promise<MatchableItem[]> {
    if (ids.length === 0) return [];
    const rows =
      type === 'need'
        ? await this.tx.repo(Need).find({ where: { id: In(ids) } })
        : await this.tx.repo(Result).find({ where: { id: In(ids) } });
    return this.toMatchable(type, rows, options.organizations ?? true);
  }

  async item(type: ItemType, id: string, options: { organizations?: boolean } = {}): Promise<MatchableItem | null> {
    return (await this.items(type, [id], options))[0] ?? null;
  }

  /** Published items in id order, after `afterId` (keyset pagination for rebuilds). */
  async publishedPage(type: ItemType, afterId: string | null, limit: number): Promise<MatchableItem[]> {
    const where = { status: 'published' as const, ...(afterId ? { id: MoreThan(afterId) } : {}) };
    const order = { id: 'ASC' as const };
    const rows =
      type === 'need'
        ? await this.tx.repo(Need).find({ where, order, take: limit })
        : await this.tx.repo(Result).find({ where, order, take: limit });
    return this.toMatchable(type, rows, true);
  }

  /** How many items of a type are published now. */
  async publishedCount(type: ItemType): Promise<number> {
    return type === 'need'
      ? this.tx.repo(Need).count({ where: { status: 'published' } })
      : this.tx.repo(Result).count({ where: { status: 'published' } });
  }

  /** The ids of an organization's published items (re-indexed when its name changes). */
  async publishedIdsOf(type: ItemType, organizationId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.tx.manager.query(
      `SELECT id FROM ${type === 'need' ? 'need' : 'result'} WHERE organization_id = $1 AND status = 'published'`,
      [organizationId],
    );
    return rows.map((r) => r.id);
  }

  /** id → updatedAt of every published item (for reconciling the search index). */
  async publishedVersions(type: ItemType): Promise<Map<string, number>> {
    const table = type === 'need' ? 'need' : 'result';
    const rows: { id: string; updated_at: Date }[] = await this.tx.manager.query(
      `SELECT id, updated_at FROM ${table} WHERE status = 'published'`,
    );
    return new Map(rows.map((r) => [r.id, new Date(r.updated_at).getTime()]));
  }

  /** The contact person of an item; the caller decides whether the viewer may see it. */
  async contact(type: ItemType, id: string): Promise<ContactInfo | null> {
    const row =
      type === 'need' ? await this.tx.repo(Need).findOne({ where: { id } }) : await this.tx.repo(Result).findOne({ where: { id } });
    return row ? { organizationId: row.organizationId, name: row.contactName, phone: row.contactPhone, email: row.contactEmail } : null;
  }

  private async toMatchable(type: ItemType, rows: (Need | Result)[], organizations: boolean): Promise<MatchableItem[]> {
    const orgs = organizations ? await this.orgs.byIds(rows.map((r) => r.organizationId)) : new Map<string, OrgRef>();
    return rows.map((r) => {
      const org = orgs.get(r.organizationId);
      const need = type === 'need' ? (r as Need) : null;
      const result = type === 'result' ? (r as Result) : null;
      return {
        type,
        id: r.id,
        organizationId: r.organizationId,
        organizationName: org?.name ?? null,
        organizationKind: org?.kind ?? null,
        status: r.status,
        title: r.title,
        keywords: r.keywords,
        body: need ? need.description : (result?.summary ?? ''),
        field: r.field,
        trl: r.trl,
        cooperationModes: r.cooperationModes,
        region: r.region,
        budgetMinFen: need?.budgetMinFen ?? null,
        budgetMaxFen: need?.budgetMaxFen ?? null,
        priceFen: result?.askingPriceFen ?? null,
        priceNegotiable: result?.priceNegotiable ?? false,
        publishedAt: r.publishedAt,
        updatedAt: r.updatedAt,
      };
    });
  }
}
