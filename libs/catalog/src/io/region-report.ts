import { REGION_NAMES } from '../regions';

type Query = { query(sql: string, params?: unknown[]): Promise<unknown> };

/** A need or a result whose region is none of the reference's names (written before the rule, and not mappable). */
export interface UnmappedRegionItem {
  type: 'need' | 'result';
  id: string;
  organizationId: string;
  title: string;
  status: string;
  region: string;
}

/** An organization whose own region is none of the reference's names (the organizations' region migration could not map it). */
export interface UnmappedRegionOrganization {
  id: string;
  name: string;
  status: string;
  region: string;
}

/**
 * The needs and results the bureau still has to place (what the region migration could not map),
 * by organization: the bureau corrects a published one, the owner edits its draft.
 */
export async function unmappedRegionItems(q: Query): Promise<UnmappedRegionItem[]> {
  const select = (type: 'need' | 'result'): string =>
    `SELECT '${type}' AS type, id, organization_id AS "organizationId", title, status, region FROM ${type} WHERE NOT (region = ANY($1::text[]))`;
  return (await q.query(`${select('need')} UNION ALL ${select('result')} ORDER BY "organizationId", type, title, id`, [
    [...REGION_NAMES],
  ])) as UnmappedRegionItem[];
}

/**
 * The organizations whose region is still to be placed, by name: the bureau corrects a verified
 * one's (only the bureau may), an organization not yet verified corrects its own.
 */
export async function unmappedRegionOrganizations(q: Query): Promise<UnmappedRegionOrganization[]> {
  return (await q.query(`SELECT id, name, status, region FROM organization WHERE NOT (region = ANY($1::text[])) ORDER BY name, id`, [
    [...REGION_NAMES],
  ])) as UnmappedRegionOrganization[];
}
