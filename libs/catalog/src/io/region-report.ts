import { REGION_NAMES } from '../regions';

/** A need or a result whose region is none of the reference's names (written before the rule, and not mappable). */
export interface UnmappedRegionItem {
  type: 'need' | 'result';
  id: string;
  organizationId: string;
  title: string;
  status: string;
  region: string;
}

/**
 * The needs and results the bureau still has to place (what the region migration could not map),
 * by organization: the bureau corrects a published one, the owner edits its draft.
 */
export async function unmappedRegionItems(q: { query(sql: string, params?: unknown[]): Promise<unknown> }): Promise<UnmappedRegionItem[]> {
  const select = (type: 'need' | 'result'): string =>
    `SELECT '${type}' AS type, id, organization_id AS "organizationId", title, status, region FROM ${type} WHERE NOT (region = ANY($1::text[]))`;
  return (await q.query(`${select('need')} UNION ALL ${select('result')} ORDER BY "organizationId", type, title, id`, [
    [...REGION_NAMES],
  ])) as UnmappedRegionItem[];
}
