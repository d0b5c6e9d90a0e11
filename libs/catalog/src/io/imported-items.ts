import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@app/core';
import type { ItemType } from '../catalog-reader.service';

const TABLE: Record<ItemType, string> = { need: 'need', result: 'result' };

/**
 * The items a bureau import published, for the contexts that index, match and summarize them as
 * one set. The set never changes once the import has committed (`published_by_import_id` is only
 * written by the import), so a page of it is the same on every retry.
 */
@Injectable()
export class ImportedItems {
  constructor(private readonly tx: TransactionHost) {}

  async count(type: ItemType, importId: string): Promise<number> {
    const [row]: { n: number }[] = await this.tx.manager.query(
      `SELECT count(*)::int AS n FROM ${TABLE[type]} WHERE published_by_import_id = $1`,
      [importId],
    );
    return row.n;
  }

  /** The ids of one page of the set, in id order. */
  async ids(type: ItemType, importId: string, offset: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.tx.manager.query(
      `SELECT id FROM ${TABLE[type]} WHERE published_by_import_id = $1 ORDER BY id OFFSET $2 LIMIT $3`,
      [importId, offset, limit],
    );
    return rows.map((r) => r.id);
  }

  /** How many items the import published for each owner organization. */
  async countsByOrganization(type: ItemType, importId: string): Promise<Map<string, number>> {
    const rows: { organization_id: string; n: number }[] = await this.tx.manager.query(
      `SELECT organization_id, count(*)::int AS n FROM ${TABLE[type]} WHERE published_by_import_id = $1 GROUP BY organization_id`,
      [importId],
    );
    return new Map(rows.map((r) => [r.organization_id, r.n]));
  }
}
