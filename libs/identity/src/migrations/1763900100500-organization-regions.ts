import { MigrationInterface, QueryRunner } from 'typeorm';
import { normalizeRegion } from '@app/core';

/** One organization whose region maps to a name of the region reference. */
export interface OrganizationRegionMapping {
  id: string;
  from: string;
  to: string;
}

/**
 * The organizations' regions written before the region reference was enforced ("荆门",
 * "湖北省荆门市钟祥市"), each mapped to the reference's name where that is unambiguous. What does
 * not map ("Jingmen", a place outside Hubei) is left as written, for the bureau to correct
 * (`npm run regions:report` lists it).
 */
export async function organizationRegionMappings(q: Pick<QueryRunner, 'query'>): Promise<OrganizationRegionMapping[]> {
  const rows: { id: string; region: string }[] = await q.query(`SELECT id, region FROM organization ORDER BY id`);
  const out: OrganizationRegionMapping[] = [];
  for (const { id, region } of rows) {
    const to = normalizeRegion(region);
    if (to && to !== region) out.push({ id, from: region, to });
  }
  return out;
}

/**
 * Rewrites the organizations' regions that map, with one audit entry per organization (in its
 * history: action organization.region-normalized, the old and the new value). Items copied the
 * old value when they were made; the item regions' migration, which runs after this one, maps
 * those. Not reversible: the old values are in the audit.
 */
export class OrganizationRegions1763900100500 implements MigrationInterface {
  name = 'OrganizationRegions1763900100500';

  async up(q: QueryRunner): Promise<void> {
    for (const m of await organizationRegionMappings(q)) {
      await q.query(`UPDATE organization SET region = $2, updated_at = now() WHERE id = $1`, [m.id, m.to]);
      await q.query(
        `INSERT INTO audit_log (action, entity_type, entity_id, data) VALUES ('organization.region-normalized', 'organization', $1, $2::jsonb)`,
        [m.id, JSON.stringify({ from: m.from, to: m.to })],
      );
    }
  }

  async down(): Promise<void> {
    // The values replaced are kept in the audit log (action organization.region-normalized); nothing to undo.
  }
}
