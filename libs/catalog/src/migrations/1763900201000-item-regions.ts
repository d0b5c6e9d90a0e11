import { MigrationInterface, QueryRunner } from 'typeorm';
import { normalizeRegion } from '../regions';

/** One region value of a list and the reference's name it maps to. */
export interface RegionMapping {
  table: 'need' | 'result';
  from: string;
  to: string;
}

/**
 * The regions of needs and results written before the region reference was enforced ("荆门",
 * "湖北省荆门市钟祥市"), each mapped to the reference's name where that is unambiguous. What does
 * not map ("Jingmen", "火星市", a place outside Hubei) is left as written, for the bureau to fix
 * (`npm run regions:report` lists it).
 */
export async function regionMappings(q: Pick<QueryRunner, 'query'>): Promise<RegionMapping[]> {
  const out: RegionMapping[] = [];
  for (const table of ['need', 'result'] as const) {
    const rows: { region: string }[] = await q.query(`SELECT DISTINCT region FROM ${table}`);
    for (const { region } of rows) {
      const to = normalizeRegion(region);
      if (to && to !== region) out.push({ table, from: region, to });
    }
  }
  return out;
}

/**
 * Rewrites the regions that map (updated_at moves, so `npm run search:reconcile` re-indexes those
 * items), one audit entry per value rewritten. Not reversible: the old spellings are in the audit.
 */
export class ItemRegions1763900201000 implements MigrationInterface {
  name = 'ItemRegions1763900201000';

  async up(q: QueryRunner): Promise<void> {
    for (const m of await regionMappings(q)) {
      const [, changed]: [unknown, number] = await q.query(`UPDATE ${m.table} SET region = $1, updated_at = now() WHERE region = $2`, [
        m.to,
        m.from,
      ]);
      await q.query(
        `INSERT INTO audit_log (action, entity_type, entity_id, data) VALUES ('catalog.region-normalized', $1, 'regions', $2::jsonb)`,
        [m.table, JSON.stringify({ from: m.from, to: m.to, items: changed })],
      );
    }
  }

  async down(): Promise<void> {
    // The spellings replaced are kept in the audit log (action catalog.region-normalized); nothing to undo.
  }
}
