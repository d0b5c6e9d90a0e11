import type { CatalogItem } from '../catalog-item.entity';

/** A page of items, its total, and the names of the items' organizations. */
export interface NamedPage<T extends CatalogItem> {
  rows: T[];
  total: number;
  names: Map<string, string | null>;
}

/** An item and its organization's name. */
export interface NamedItem<T extends CatalogItem> {
  item: T | null;
  organizationName: string | null;
}
