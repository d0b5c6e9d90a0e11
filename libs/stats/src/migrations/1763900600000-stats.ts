import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeps stats_item_month in step with need and result, in the same transaction, per statement:
 * what the statement's rows counted before (old_rows) is taken away and what they count now
 * (new_rows) added, by (event, Beijing month, region, field); rows whose dates, place and field did
 * not change cancel out and write nothing. A bulk import of 100,000 rows is one grouped upsert.
 */
const rows = (sign: 1 | -1, table: 'new_rows' | 'old_rows'): string =>
  `SELECT ${sign} AS sign, region, field, published_at, closed_at FROM ${table}`;
const applyDelta = (source: string): string => `
    INSERT INTO stats_item_month AS s (kind, event, month, region, field, n)
    SELECT TG_TABLE_NAME, e.event, date_trunc('month', e.at AT TIME ZONE 'Asia/Shanghai')::date, x.region, coalesce(x.field, ''), sum(x.sign)
      FROM (${source}) x
      CROSS JOIN LATERAL (VALUES ('published', x.published_at), ('closed', CASE WHEN x.published_at IS NOT NULL THEN x.closed_at END)) e(event, at)
     WHERE e.at IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5
    HAVING sum(x.sign) <> 0
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (kind, event, month, region, field) DO UPDATE SET n = s.n + EXCLUDED.n;`;
const ROLLUP_FUNCTION = `
CREATE FUNCTION stats_item_rollup() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN${applyDelta(rows(1, 'new_rows'))}
  ELSIF TG_OP = 'DELETE' THEN${applyDelta(rows(-1, 'old_rows'))}
  ELSE${applyDelta(`${rows(1, 'new_rows')} UNION ALL ${rows(-1, 'old_rows')}`)}
  END IF;
  RETURN NULL;
END $$`;

/**
 * The figures' own tables (the plan targets and the values the bureau reports for them) and the
 * indexes the figures read through, on the other contexts' tables: each is a covering index, so
 * a figure over a period and a place is an index-only scan (EXPLAIN plans in libs/stats/README.md).
 */
export class Stats1763900600000 implements MigrationInterface {
  name = 'Stats1763900600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE stats_target (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (char_length(btrim(name)) BETWEEN 1 AND 100),
      metric text NOT NULL CHECK (metric IN ('contract_tech_amount','contract_count','challenges_supported','results_published',
                                             'verified_enterprises','reported_annual','reported_stock')),
      place text NOT NULL CHECK (place <> ''),
      due_year int NOT NULL CHECK (due_year BETWEEN 2000 AND 2100),
      target_value numeric NOT NULL CHECK (target_value > 0),
      unit text NOT NULL CHECK (unit <> ''),
      source_document text NOT NULL CHECK (source_document <> ''),
      note text,
      created_by_user_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE stats_target_value (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      target_id uuid NOT NULL REFERENCES stats_target(id) ON DELETE CASCADE,
      year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      value numeric NOT NULL CHECK (value >= 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (target_id, year)
    )`);
    await q.query(`CREATE TABLE stats_item_month (
      kind text NOT NULL CHECK (kind IN ('need', 'result')),
      event text NOT NULL CHECK (event IN ('published', 'closed')),
      month date NOT NULL,
      region text NOT NULL,
      field text NOT NULL,
      n int NOT NULL,
      PRIMARY KEY (kind, event, month, region, field)
    )`);
    await q.query(ROLLUP_FUNCTION);
    for (const t of ['need', 'result']) {
      for (const [op, refs] of [
        ['INSERT', 'NEW TABLE AS new_rows'],
        ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
        ['DELETE', 'OLD TABLE AS old_rows'],
      ])
        await q.query(
          `CREATE TRIGGER ${t}_stats_rollup_${op.toLowerCase()} AFTER ${op} ON ${t} REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION stats_item_rollup()`,
        );
      await q.query(
        `INSERT INTO stats_item_month (kind, event, month, region, field, n)
         SELECT '${t}', e.event, date_trunc('month', e.at AT TIME ZONE 'Asia/Shanghai')::date, i.region, coalesce(i.field, ''), count(*)
           FROM ${t} i CROSS JOIN LATERAL (VALUES ('published', i.published_at), ('closed', CASE WHEN i.published_at IS NOT NULL THEN i.closed_at END)) e(event, at)
          WHERE e.at IS NOT NULL GROUP BY 1, 2, 3, 4, 5`,
      );
      // The partial months at the edges of a period are counted from the rows themselves.
      await q.query(
        `CREATE INDEX ${t}_stats_published_idx ON ${t} (published_at) INCLUDE (closed_at, region, field) WHERE published_at IS NOT NULL`,
      );
      await q.query(
        `CREATE INDEX ${t}_stats_closed_idx ON ${t} (closed_at) INCLUDE (region, field) WHERE closed_at IS NOT NULL AND published_at IS NOT NULL`,
      );
      // Looked up by id in the figures' joins (place and field without reading the wide row).
      await q.query(`CREATE INDEX ${t}_stats_id_idx ON ${t} (id) INCLUDE (region, field, published_at)`);
      // Active organizations: anything published by one of them in the period.
      await q.query(`CREATE INDEX ${t}_stats_org_published_idx ON ${t} (organization_id, published_at) WHERE published_at IS NOT NULL`);
    }
    // The funnel: matches and requests made in the period, placed by their need (or result).
    await q.query(`CREATE INDEX match_stats_created_idx ON match (created_at) INCLUDE (need_id)`);
    await q.query(`CREATE INDEX engagement_stats_created_idx ON engagement (created_at)
      INCLUDE (need_id, result_id, adoption_id, status, responded_at)`);
    // Contracts waiting for 认定登记 or returned, by the buyer's place (now, whatever the period).
    await q.query(`CREATE INDEX adoption_stats_waiting_idx ON adoption (contract_status) INCLUDE (enterprise_id, result_field)
      WHERE contract_status IN ('submitted', 'returned')`);
    // Needs met: the deals among requests, with their need.
    await q.query(`CREATE INDEX engagement_stats_deal_idx ON engagement (id) INCLUDE (need_id) WHERE status = 'deal'`);
    // Active organizations: requests answered in the period (their requests made use engagement_requester_idx).
    await q.query(`CREATE INDEX engagement_stats_receiver_idx ON engagement (receiver_organization_id, responded_at)`);
    // Contracts signed in a period (needs met, results applied, active organizations).
    await q.query(
      `CREATE INDEX adoption_stats_signed_idx ON adoption (signed_on) INCLUDE (status, result_id, engagement_id, result_region, result_field)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['need', 'result'])
      for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${t}_stats_rollup_${op} ON ${t}`);
    await q.query(`DROP FUNCTION stats_item_rollup()`);
    await q.query(`DROP TABLE stats_item_month`);
    for (const i of [
      'result_stats_id_idx',
      'need_stats_id_idx',
      'result_stats_closed_idx',
      'need_stats_closed_idx',
      'adoption_stats_signed_idx',
      'engagement_stats_receiver_idx',
      'engagement_stats_deal_idx',
      'adoption_stats_waiting_idx',
      'engagement_stats_created_idx',
      'match_stats_created_idx',
      'result_stats_org_published_idx',
      'result_stats_published_idx',
      'need_stats_org_published_idx',
      'need_stats_published_idx',
    ])
      await q.query(`DROP INDEX ${i}`);
    await q.query(`DROP TABLE stats_target_value`);
    await q.query(`DROP TABLE stats_target`);
  }
}
