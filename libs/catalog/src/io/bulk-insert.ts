import type { EntityManager } from 'typeorm';
import type { DomainEventType } from '@app/core';

export interface BulkColumn {
  name: string;
  /** PostgreSQL element type of the unnested parameter array. */
  type: string;
  /** SQL of the stored value from the unnested value `u.<name>` (default: the value itself). */
  expr?: string;
}

/** How one list's rows are inserted, with their audit entries (and outbox events, if any), in one statement. */
export interface BulkSpec {
  table: string;
  entityType: string;
  columns: BulkColumn[];
  /**
   * Columns computed from the unnested row (e.g. timestamps from the status); `$actor` / `$actorOrg`
   * bind the importer, `$import` the import's id.
   */
  computed: { name: string; expr: string }[];
  returning: string[];
  /**
   * The outbox event per inserted row, when `where` holds (both may bind the importer, as
   * `computed` does). Needs and results have none: an import writes one event for the whole import
   * (see ImportService), not one per row.
   */
  event?: { type: DomainEventType; payload: string; where: string };
  /**
   * The rows the import announces in one event for the whole import, when `where` holds (it may
   * bind the importer): the statement counts them for it.
   */
  summarized?: { where: string };
}

/** What one statement wrote: its rows, and how many of them its import announces in one event (`BulkSpec.summarized`). */
export interface BulkResult {
  inserted: number;
  summarized: number;
}

export interface BulkActor {
  userId: string;
  organizationId: string;
  importId: string;
}

/**
 * Inserts up to a thousand rows per statement: the values travel as one array parameter per column
 * (`unnest`), so a statement has a fixed number of parameters whatever the row count; the audit
 * entries (and outbox events, when the list has them) are written by the same statement from its
 * RETURNING rows, which it also counts for the import's summary.
 */
export async function bulkInsert(manager: EntityManager, spec: BulkSpec, rows: unknown[][], actor: BulkActor): Promise<BulkResult> {
  if (rows.length === 0) return { inserted: 0, summarized: 0 };
  const cols = spec.columns;
  const arrays = cols.map((_c, i) => rows.map((r) => r[i]));
  const n = cols.length;
  const [userParam, orgParam, importParam] = [`$${n + 1}::uuid`, `$${n + 2}::uuid`, `$${n + 3}::uuid`];
  const bind = (expr: string): string =>
    expr.replaceAll('$actorOrg', orgParam).replaceAll('$actor', userParam).replaceAll('$import', importParam);
  const ctes = [
    `ins AS (
      INSERT INTO ${spec.table} (${[...cols.map((c) => c.name), ...spec.computed.map((c) => c.name), 'created_by_user_id'].join(', ')})
      SELECT ${[...cols.map((c) => c.expr ?? `u.${c.name}`), ...spec.computed.map((c) => bind(c.expr)), userParam].join(', ')}
      FROM unnest(${cols.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')}) AS u(${cols.map((c) => c.name).join(', ')})
      RETURNING ${spec.returning.join(', ')}
    )`,
    `audit AS (
      INSERT INTO audit_log (actor_user_id, actor_organization_id, action, entity_type, entity_id, to_state, data)
      SELECT ${userParam}, ${orgParam}, '${spec.entityType}.import', '${spec.entityType}', ins.id::text, ins.status,
             jsonb_build_object('importId', ${importParam}) FROM ins
    )`,
  ];
  if (spec.event) {
    ctes.push(`events AS (
      INSERT INTO outbox_event (type, payload)
      SELECT '${spec.event.type}', ${bind(spec.event.payload)} FROM ins WHERE ${bind(spec.event.where)}
    )`);
  }
  const summarized = spec.summarized ? bind(spec.summarized.where) : 'false';
  const sql = `WITH ${ctes.join(', ')} SELECT count(*) FILTER (WHERE ${summarized})::int AS summarized FROM ins`;
  const [result]: { summarized: number }[] = await manager.query(sql, [...arrays, actor.userId, actor.organizationId, actor.importId]);
  return { inserted: rows.length, summarized: result.summarized };
}

/** Item columns shared by needs and results, in the order `itemColumnValues` produces them. */
export const ITEM_BULK_COLUMNS: BulkColumn[] = [
  { name: 'organization_id', type: 'uuid' },
  { name: 'title', type: 'text' },
  { name: 'keywords', type: 'text', expr: 'string_to_array(u.keywords, chr(31))' },
  { name: 'field', type: 'text' },
  { name: 'trl', type: 'int2' },
  { name: 'cooperation_modes', type: 'text', expr: 'string_to_array(u.cooperation_modes, chr(31))' },
  { name: 'region', type: 'text' },
  { name: 'contact_name', type: 'text' },
  { name: 'contact_phone', type: 'text' },
  { name: 'contact_email', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'reject_reason', type: 'text' },
  { name: 'quality_score', type: 'int2' },
  { name: 'quality_hints', type: 'text', expr: 'u.quality_hints::jsonb' },
];

export const ITEM_BULK_COMPUTED = [
  { name: 'submitted_at', expr: `CASE WHEN u.status <> 'draft' THEN now() END` },
  { name: 'published_at', expr: `CASE WHEN u.status IN ('published', 'closed') THEN now() END` },
  { name: 'closed_at', expr: `CASE WHEN u.status = 'closed' THEN now() END` },
  // The rows this import publishes: indexed, matched and summarized together (see ImportedItems).
  { name: 'published_by_import_id', expr: `CASE WHEN u.status = 'published' THEN $import END` },
];

export const LIST_SEPARATOR = '\u001f';

/**
 * The rows an organization imports into its own list as 待审核: the bureau is told once for the
 * whole import (`*.import-submitted`, see ImportService), not once per row; rows the bureau
 * imports for others announce nothing.
 */
export const OWN_SUBMITTED_ROWS: BulkSpec['summarized'] = { where: `ins.status = 'submitted' AND ins.organization_id = $actorOrg` };
