import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { TestApp } from './test-app';

/** The test world's database, for reading what a request left behind. */
export const db = (t: TestApp): DataSource => t.app.get(DataSource);

/** `SELECT count(*) FROM <sql>` (a table, or a table and its WHERE clause). */
export async function count(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  const rows = await db(t).query(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return rows[0].n;
}

/**
 * The payloads of the outbox events of one type, oldest first; with `about`, only those whose
 * payload holds those values (`{ challengeId }`), so a test sees its own events and no other test's.
 */
export async function outboxEvents<T = any>(t: TestApp, type: string, about?: Record<string, string>): Promise<T[]> {
  const rows: { payload: T }[] = await db(t).query(
    `SELECT payload FROM outbox_event WHERE type = $1 AND payload @> $2::jsonb ORDER BY created_at`,
    [type, JSON.stringify(about ?? {})],
  );
  return rows.map((r) => r.payload);
}

/** Members added straight into the database (fixture speed: no password hashing per person). */
export async function addMembers(ds: DataSource, organizationId: string, count: number, tag = randomUUID().slice(0, 8)): Promise<string[]> {
  const rows: { id: string }[] = await ds.query(
    `INSERT INTO app_user (organization_id, email, password_hash, name, role)
     SELECT $1, 'm' || g || '-' || $3 || '@bulk.test', 'x', '成员' || g, 'member' FROM generate_series(1, $2) g RETURNING id`,
    [organizationId, count, tag],
  );
  return rows.map((r) => r.id);
}

/** Writes an outbox row the way a library's transaction would (for event types not in core's union yet). */
export async function emitRaw(ds: DataSource, type: string, payload: Record<string, unknown>): Promise<string> {
  const [row]: { id: string }[] = await ds.query(`INSERT INTO outbox_event (type, payload) VALUES ($1, $2) RETURNING id`, [
    type,
    JSON.stringify(payload),
  ]);
  return row.id;
}
