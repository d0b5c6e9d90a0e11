import { Injectable } from '@nestjs/common';
import { ChangeVersions, KeptUnderVersions } from '@app/core';
import type { CatalogItem } from '../catalog-item.entity';

/**
 * The totals of public lists, kept until their records change. Counting 100,000 published results
 * takes PostgreSQL ~17 ms a page, the public list's whole cost at c=16; a kept total costs one Redis
 * read. A total is keyed by its exact SQL and parameters, so two filters never share one.
 */
@Injectable()
export class ListTotals {
  private readonly totals: KeptUnderVersions<number>;

  constructor(versions: ChangeVersions) {
    this.totals = new KeptUnderVersions(versions, 1_000, 60_000);
  }

  total(subject: string, query: string, count: () => Promise<number>): Promise<number> {
    return this.totals.get([subject], query, count);
  }
}

/** A page of items, its total, and the names of the items' organizations. */
export interface NamedPage<T extends CatalogItem> {
  rows: T[];
  total: number;
  names: Map<string, string | null>;
}

/**
 * Public list pages (the same for every reader), kept until their items or any organization
 * change: an organization renamed raises the `organization` version (`organization.updated`). A
 * page kept is one Redis read instead of three PostgreSQL queries and their rows' hydration.
 */
@Injectable()
export class PublicPages {
  private readonly pages: KeptUnderVersions<NamedPage<CatalogItem>>;

  constructor(versions: ChangeVersions) {
    // 200 pages of 20 rows: a few megabytes of rows at most.
    this.pages = new KeptUnderVersions(versions, 200, 60_000);
  }

  page<T extends CatalogItem>(subject: string, key: string, load: () => Promise<NamedPage<T>>): Promise<NamedPage<T>> {
    return this.pages.get([subject, 'organization'], key, load) as Promise<NamedPage<T>>;
  }
}

/** An item and its organization's name. */
export interface NamedItem<T extends CatalogItem> {
  item: T | null;
  organizationName: string | null;
}

/**
 * Public items' pages (published, or closed after publication), kept until their kind of item or
 * any organization changes. A public item changes only through events (an edit waits as a
 * revision until approved); a draft or an item under review is always read afresh.
 */
@Injectable()
export class PublicItems {
  private readonly items: KeptUnderVersions<NamedItem<CatalogItem>>;

  constructor(versions: ChangeVersions) {
    this.items = new KeptUnderVersions(versions, 5_000, 60_000);
  }

  item<T extends CatalogItem>(
    subject: string,
    id: string,
    load: () => Promise<NamedItem<T>>,
    isPublic: (item: T) => boolean,
  ): Promise<NamedItem<T>> {
    return this.items.get([subject, 'organization'], id, load, (v) => v.item !== null && isPublic(v.item as T)) as Promise<NamedItem<T>>;
  }
}
