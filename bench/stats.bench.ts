/**
 * npm run bench:stats — the bureau dashboard's requests at 100,000 results, 20,000 needs and
 * 10,000 adoptions (BENCH_RESULTS / BENCH_NEEDS / BENCH_ADOPTIONS to change them).
 *
 * Starts what it needs: a fresh schema and prefixes (migrated), the organizations (provisioned in
 * this process, then closed), and the api as its own process. The three lists come in through the
 * product's import (CSV uploads to the running api, as the bureau). What has no import is written in
 * SQL: the history an import cannot carry (publication, closing and verification dates spread over
 * 2024–2026, contracts' 认定登记 states), matches, engagements and open calls. Then, from this process,
 * autocannon drives each request the dashboard makes (/api/stats/lists, funnel, contracts,
 * challenges, organizations, targets, and the home page's public figures), rotating the filters the
 * dashboard offers (this year, a quarter, a month, a county, a field), and times the whole dashboard
 * as it loads (all six requests at once). Finally it records the EXPLAIN (ANALYZE, BUFFERS) plan of
 * every statement the figures run, in var/bench-stats-plans.txt. Cleans up; prints one JSON line last.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CONTRACT_KINDS, INDUSTRY_FIELDS } from '@app/catalog';
import { chinaDate } from '@app/core';
import { loadDemoNeeds } from '@app/catalog/demo/demo-needs';
import { SHEETS } from '@app/catalog/io/sheets';
import { creditCodeCheckChar, ProvisioningService } from '@app/identity';
import { StatsService } from '@app/stats/stats.service';
import { TargetsService } from '@app/stats';
import { createApiApp } from '../apps/api/src/bootstrap';
import { freePort } from '../test/notify-support';
import { createTestEnv } from '../test/support/test-env';
import { cannon as load, pct, r1, uploadSheet } from './import-fixtures';
import { spawnApi } from './product-processes';

const RESULTS = Number(process.env.BENCH_RESULTS ?? 100_000);
const NEEDS = Number(process.env.BENCH_NEEDS ?? 20_000);
const ADOPTIONS = Number(process.env.BENCH_ADOPTIONS ?? 10_000);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 6);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const ROOT = join(__dirname, '..');
const CITY = ['荆门市', '东宝区', '掇刀区', '京山市', '钟祥市', '沙洋县'];
const REGIONS = [...CITY, '天门市', '荆州区', '武汉市'];
const PASSWORD = 'Bench-stats-1';

const log = (msg: string): void => void process.stderr.write(`[bench:stats] ${msg}\n`);

const cell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** A CSV of the sheet, its columns in the template's order, each row given by header. */
function csv(sheet: keyof typeof SHEETS, count: number, row: (i: number) => Record<string, string | number>): Buffer {
  const headers = SHEETS[sheet].columns.map((c) => c.header);
  const lines = [`\ufeff${headers.map(cell).join(',')}`];
  for (let i = 0; i < count; i++) {
    const r = row(i);
    lines.push(headers.map((h) => cell(r[h] ?? null)).join(','));
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

async function cannon(base: string, paths: string[], token: string) {
  const { p50, p95, p99, rps, errors } = await load(
    base,
    paths.map((path) => ({ path })),
    { connections: CONNECTIONS, seconds: DURATION_S, headers: { authorization: `Bearer ${token}` } },
  );
  return { p50, p95, p99, rps, errors };
}

async function main(): Promise<void> {
  const started = Date.now();
  const env = await createTestEnv({ LOG_LEVEL: 'warn' });
  const out: Record<string, unknown> = { bench: 'stats' };
  let api: ReturnType<typeof spawnApi> | null = null;
  try {
    // 1. Organizations, provisioned by the product's own service (the api is not running yet).
    const setup = await createApiApp(env.config);
    await setup.init();
    const prov = setup.get(ProvisioningService);
    await prov.createVerifiedOrganization({
      name: '基准科技局',
      kind: 'bureau',
      region: '荆门市',
      users: [{ email: 'bureau@stats.bench', password: PASSWORD, name: '科技局' }],
    });
    const research: string[] = [];
    const enterprises: string[] = [];
    for (let i = 0; i < 30; i++) {
      const name = `统计基准研究院${i + 1}`;
      await prov.createVerifiedOrganization({
        name,
        kind: i % 3 ? 'university' : 'institute',
        region: REGIONS[i % REGIONS.length],
        users: [],
      });
      research.push(name);
    }
    for (let i = 0; i < 100; i++) {
      const name = `统计基准企业${i + 1}有限公司`;
      const body = `91420800MA4${String(200000 + i).slice(-6)}`;
      await prov.createVerifiedOrganization({
        name,
        kind: 'enterprise',
        region: REGIONS[i % REGIONS.length],
        creditCode: body + creditCodeCheckChar(body),
        users: [],
      });
      enterprises.push(name);
    }
    await setup.close();

    // 2. The api, as its own process on the bench's schema.
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    api = spawnApi({
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      DB_SCHEMA: env.config.dbSchema,
      RESOURCE_PREFIX: env.config.resourcePrefix,
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      JWT_ACCESS_TTL_SECONDS: '14400',
    });
    await api.ready(base);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bureau@stats.bench', password: PASSWORD }),
    });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const upload = async (list: 'results' | 'needs' | 'adoptions', body: Buffer): Promise<number> => {
      const t0 = Date.now();
      const report = await uploadSheet(base, token, list, body);
      log(`${list}: ${report.imported} imported in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      return report.imported;
    };

    // 3. The three lists through the import.
    const texts = readFileSync(join(ROOT, 'libs/catalog/src/demo/results-demo.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { title: string; summary: string; keywords: string[]; field: string });
    const resultTitle = (i: number) => `${texts[i % texts.length].title.slice(0, 80)}（${i + 1}）`;
    const resultOrg = (i: number) => research[i % research.length];
    out.results = await upload(
      'results',
      csv('results', RESULTS, (i) => {
        const t = texts[i % texts.length];
        return {
          成果名称: resultTitle(i),
          成果简介: t.summary,
          关键词: t.keywords
            .slice(0, 8)
            .map((k) => k.slice(0, 20))
            .join('；'),
          产业领域: i % 4 ? t.field : INDUSTRY_FIELDS[i % INDUSTRY_FIELDS.length],
          技术成熟度: (i % 9) + 1,
          合作方式: '技术转让；技术许可',
          '转让价格（元）': i % 4 ? (i % 500) * 1000 : '面议',
          所在地区: REGIONS[(i * 7) % REGIONS.length],
          联系人: '王老师',
          联系电话: '0724-6600000',
          成果单位: resultOrg(i),
          状态: '已发布',
        };
      }),
    );
    const demoNeeds = loadDemoNeeds();
    const deadline = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    out.needs = await upload(
      'needs',
      csv('needs', NEEDS, (i) => {
        const d = demoNeeds[i % demoNeeds.length];
        return {
          需求名称: `${d.title.slice(0, 80)}（${i + 1}）`,
          需求描述: d.description,
          关键词: d.keywords.join('；'),
          产业领域: i % 5 === 0 ? d.field : INDUSTRY_FIELDS[i % INDUSTRY_FIELDS.length],
          期望技术成熟度: (i % 9) + 1,
          '预算下限（元）': 100000,
          '预算上限（元）': 100000 + (i % 100) * 10000,
          合作方式: d.modes.join('；'),
          截止日期: deadline,
          所在地区: REGIONS[(i * 5) % REGIONS.length],
          联系人: '张工',
          联系电话: '0724-6600000',
          需求单位: enterprises[i % enterprises.length],
          状态: '已发布',
        };
      }),
    );
    const span = Date.now() - Date.parse('2024-01-01T00:00:00+08:00');
    out.adoptions = await upload(
      'adoptions',
      csv('adoptions', ADOPTIONS, (i) => {
        const r = (i * 9973) % RESULTS;
        return {
          成果名称: resultTitle(r),
          成果单位: resultOrg(r),
          应用企业: enterprises[(i * 3) % enterprises.length],
          合同类型: CONTRACT_KINDS[i % CONTRACT_KINDS.length],
          '合同金额（元）': 50_000 + (i % 200) * 25_000,
          签订日期: new Date(
            Date.parse('2024-01-01T00:00:00+08:00') + 8 * 3600_000 + ((i * 7919) % ADOPTIONS) * (span / ADOPTIONS) - 86_400_000,
          )
            .toISOString()
            .slice(0, 10),
          状态: '已确认',
        };
      }),
    );

    // 4. What no import carries, in SQL (the product has no import for it).
    const pg = new DataSource({
      type: 'postgres',
      url: env.config.databaseUrl,
      extra: { options: `-c search_path=${env.config.dbSchema}` },
    });
    await pg.initialize();
    const t0 = Date.now();
    for (const t of ['result', 'need']) {
      // Published over 2024-01-01 … now, every 20th closed a month later (when that has passed).
      await pg.query(
        `WITH x AS (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total FROM ${t})
         UPDATE ${t} i SET published_at = timestamptz '2024-01-01 00:00+08' + ((x.n * 7919) % x.total) * (now() - timestamptz '2024-01-01 00:00+08') / x.total
           FROM x WHERE x.id = i.id`,
      );
      await pg.query(`UPDATE ${t} SET submitted_at = published_at, created_at = published_at`);
      await pg.query(
        `UPDATE ${t} SET status = 'closed', closed_at = published_at + interval '30 days'
          WHERE ctid IN (SELECT ctid FROM ${t} WHERE published_at < now() - interval '30 days' ORDER BY id LIMIT (SELECT count(*) / 20 FROM ${t}))`,
      );
    }
    await pg.query(
      `WITH x AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM organization)
       UPDATE organization o SET verified_at = timestamptz '2024-01-01 10:00+08' + x.n * interval '6 days' FROM x WHERE x.id = o.id AND o.kind <> 'bureau'`,
    );
    // 认定登记: 6 in 10 certified ten days after signing (技术交易额 80 %), 1 in 10 waiting.
    await pg.query(
      `WITH x AS (SELECT id, signed_on, row_number() OVER (ORDER BY id) AS n FROM adoption)
       UPDATE adoption a SET
         tech_amount_fen = a.amount_fen * 8 / 10,
         contract_status = CASE WHEN x.n % 10 < 6 THEN 'certified' WHEN x.n % 10 = 6 THEN 'submitted' ELSE 'unregistered' END,
         contract_submitted_at = CASE WHEN x.n % 10 <= 6 THEN (x.signed_on + 3)::timestamp AT TIME ZONE 'Asia/Shanghai' END,
         registered_on = CASE WHEN x.n % 10 < 6 THEN least(x.signed_on + 10, (now() AT TIME ZONE 'Asia/Shanghai')::date) END,
         certified_at = CASE WHEN x.n % 10 < 6 THEN least(x.signed_on + 10, (now() AT TIME ZONE 'Asia/Shanghai')::date)::timestamp AT TIME ZONE 'Asia/Shanghai' END,
         contract_registration_no = CASE WHEN x.n % 10 < 6
           THEN to_char(least(x.signed_on + 10, (now() AT TIME ZONE 'Asia/Shanghai')::date), 'YYYY') || '420800' || lpad(x.n::text, 6, '0') END
         FROM x WHERE x.id = a.id`,
    );
    // Five matches per published need, found a few hours after it was published.
    await pg.query(
      `INSERT INTO match (need_id, result_id, need_organization_id, result_organization_id, score, text_score, reasons, computed_at, created_at)
       SELECT n.id, r.id, n.organization_id, r.organization_id, 50 + k, 40, '{"terms":[],"factors":{}}',
              n.published_at + (k + 1) * interval '1 hour', n.published_at + (k + 1) * interval '1 hour'
         FROM (SELECT id, organization_id, published_at, row_number() OVER (ORDER BY id) AS rn FROM need) n
         CROSS JOIN generate_series(0, 4) AS k
         JOIN (SELECT id, organization_id, row_number() OVER (ORDER BY id) AS rn FROM result) r
           ON r.rn = ((n.rn * 37 + k * 7919) % (SELECT count(*) FROM result)) + 1
       ON CONFLICT DO NOTHING`,
    );
    // One engagement per need, from its first match: 3 in 10 unanswered, 1 declined, 2 in negotiation, 2 accepted, 2 deals.
    await pg.query(
      `INSERT INTO engagement (need_id, result_id, match_id, requester_organization_id, requester_user_id, receiver_organization_id, message,
                               status, responded_at, created_at, updated_at)
       SELECT m.need_id, m.result_id, m.id, m.need_organization_id, gen_random_uuid(), m.result_organization_id, '基准对接',
              (ARRAY['requested','requested','requested','declined','negotiating','negotiating','accepted','accepted','deal','deal'])[m.rn % 10 + 1],
              CASE WHEN m.rn % 10 >= 3 THEN m.created_at + interval '1 day' + (m.rn % 72) * interval '1 hour' END,
              m.created_at + interval '1 day', m.created_at + interval '1 day'
         FROM (SELECT x.*, row_number() OVER (ORDER BY x.need_id) AS rn
                 FROM (SELECT DISTINCT ON (need_id) * FROM match ORDER BY need_id, created_at) x) m
        WHERE m.created_at + interval '1 day' < now()`,
    );
    await pg.query(
      `WITH d AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM engagement WHERE status = 'deal'),
            a AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM adoption)
       UPDATE engagement e SET adoption_id = a.id FROM d JOIN a ON a.rn = d.rn WHERE e.id = d.id`,
    );
    await pg.query(`UPDATE adoption a SET engagement_id = e.id FROM engagement e WHERE e.adoption_id = a.id`);
    // Sixty open calls over the period, five proposals each, milestones for the winners.
    await pg.query(
      `INSERT INTO challenge (title, background, field, objectives, budget_cap_fen, co_funder_organization_id, opens_at, closes_at, duration_months,
                              eligible_kinds, deliverables, criteria, status, published_at, finalized_at, completed_at, created_at, updated_at)
       SELECT '基准榜单' || g, '基准', (SELECT array_agg(f) FROM unnest($1::text[]) f)[g % $2 + 1], '[]', 300000000,
              (SELECT id FROM organization WHERE kind = 'enterprise' ORDER BY id OFFSET g % 100 LIMIT 1),
              p, p + interval '30 days', 12, '{university,institute}', '成果', '[]',
              (ARRAY['published','in_progress','completed','failed'])[g % 4 + 1], p,
              CASE WHEN g % 4 > 0 THEN p + interval '60 days' END, CASE WHEN g % 4 = 2 THEN p + interval '300 days' END, p,
              CASE WHEN g % 4 IN (2, 3) THEN p + interval '300 days' ELSE p END
         FROM generate_series(1, 60) AS g, LATERAL (SELECT timestamptz '2024-01-10 10:00+08' + g * interval '14 days' AS p) t`,
      [INDUSTRY_FIELDS, INDUSTRY_FIELDS.length],
    );
    await pg.query(
      `INSERT INTO proposal (challenge_id, organization_id, leader_name, approach, requested_budget_fen, status, awarded_budget_fen, submitted_at)
       SELECT c.id, o.id, '负责人', '技术路线', 100000000,
              CASE WHEN o.k = 0 AND c.status <> 'published' THEN 'awarded' WHEN o.k = 4 THEN 'withdrawn' ELSE 'submitted' END,
              CASE WHEN o.k = 0 AND c.status <> 'published' THEN 100000000 END, c.published_at + interval '5 days'
         FROM challenge c
         CROSS JOIN LATERAL (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM organization
                              WHERE kind IN ('university','institute') ORDER BY id OFFSET (abs(hashtext(c.id::text)) % 25) LIMIT 5) o`,
    );
    await pg.query(
      `INSERT INTO milestone (challenge_id, proposal_id, seq, title, deliverable, due_date, fund_share_pct, amount_fen, status, accepted_at)
       SELECT p.challenge_id, p.id, s, '阶段' || s, '成果', (c.finalized_at + s * interval '120 days')::date, 50, 50000000,
              CASE WHEN s = 1 OR c.status = 'completed' THEN 'accepted' ELSE 'pending' END,
              CASE WHEN s = 1 OR c.status = 'completed' THEN c.finalized_at + s * interval '120 days' END
         FROM proposal p JOIN challenge c ON c.id = p.challenge_id CROSS JOIN generate_series(1, 2) s
        WHERE p.status = 'awarded' AND c.finalized_at + s * interval '120 days' < now()`,
    );
    await pg.query('VACUUM ANALYZE');
    const counts = (await pg.query(
      `SELECT (SELECT count(*) FROM result)::int AS results, (SELECT count(*) FROM need)::int AS needs, (SELECT count(*) FROM adoption)::int AS adoptions,
              (SELECT count(*) FROM adoption WHERE contract_status = 'certified')::int AS certified, (SELECT count(*) FROM match)::int AS matches,
              (SELECT count(*) FROM engagement)::int AS engagements, (SELECT count(*) FROM challenge)::int AS challenges`,
    )) as Record<string, number>[];
    out.rows = counts[0];
    log(`history, matches, engagements, open calls in SQL: ${((Date.now() - t0) / 1000).toFixed(1)} s — ${JSON.stringify(counts[0])}`);

    // 5. The plan's targets, through the api.
    for (const body of [
      { name: '技术合同成交额', metric: 'contract_tech_amount', targetValue: 15_000_000_000 },
      { name: '高新技术企业', metric: 'reported_stock', targetValue: 1000, unit: '家' },
      { name: '揭榜挂帅重点支持项目', metric: 'challenges_supported', targetValue: 10 },
      { name: '钟祥认证企业', metric: 'verified_enterprises', targetValue: 30, place: '钟祥市' },
    ]) {
      const res = await fetch(`${base}/api/stats/targets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ place: '荆门市', dueYear: 2027, sourceDocument: '荆门市科技创新行动方案（到2027年）', ...body }),
      });
      if (res.status !== 201) throw new Error(`target: ${res.status} ${await res.text()}`);
    }

    // 6. The dashboard's requests, each under the filters the dashboard offers.
    const year = Number(chinaDate(new Date()).slice(0, 4));
    const e = encodeURIComponent;
    const filters = [
      '',
      `year=${year - 1}&quarter=3`,
      `county=${e('钟祥市')}`,
      `year=${year}&month=6`,
      `field=${e('新材料')}`,
      `from=${year - 1}-07-01&to=${year}-06-30&county=${e('京山市')}`,
    ];
    const endpoints: Record<string, string[]> = {
      lists: filters.map((f) => `/api/stats/lists?${f}`),
      funnel: filters.map((f) => `/api/stats/funnel?${f}`),
      contracts: filters.map((f) => `/api/stats/contracts?${f}`),
      challenges: filters.map((f) => `/api/stats/challenges?${f}`),
      organizations: filters.filter((f) => !f.includes('field')).map((f) => `/api/stats/organizations?${f}`),
      targets: ['/api/stats/targets'],
      public: ['/api/stats/public'],
    };
    for (const paths of Object.values(endpoints))
      for (const p of paths) {
        const res = await fetch(`${base}${p}`, { headers: { authorization: `Bearer ${token}` } });
        if (res.status !== 200) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      }
    const per: Record<string, Awaited<ReturnType<typeof cannon>>> = {};
    for (const [name, paths] of Object.entries(endpoints)) {
      per[name] = await cannon(base, paths, token);
      log(`${name}: ${JSON.stringify(per[name])}`);
    }
    // The page as it opens: its six requests at once, one viewer after another.
    const pageTimes: number[] = [];
    for (let i = 0; i < 40; i++) {
      const f = filters[i % filters.length];
      const s = performance.now();
      await Promise.all(
        ['lists', 'funnel', 'contracts', 'challenges', 'organizations', 'targets'].map((n) =>
          fetch(`${base}/api/stats/${n}?${n === 'organizations' ? f.replace(/&?field=[^&]*/, '') : n === 'targets' ? '' : f}`, {
            headers: { authorization: `Bearer ${token}` },
          }).then((r) => r.arrayBuffer()),
        ),
      );
      pageTimes.push(performance.now() - s);
    }
    pageTimes.sort((a, b) => a - b);
    api.child.kill('SIGTERM');
    api = null;

    // 7. The plans of the statements the figures run (recorded in this process, on the same data).
    const plans: string[] = [];
    const ctx = await createApiApp(env.config);
    await ctx.init();
    // Every statement goes through EntityManager.query (the figures run in their own read-only
    // transaction, so on a transaction's manager): each SELECT is explained, then run.
    const proto = Object.getPrototypeOf(ctx.get(DataSource).manager) as { query: (sql: string, params?: unknown[]) => Promise<unknown> };
    const real = proto.query;
    proto.query = async function (this: unknown, sql: string, params?: unknown[]) {
      if (/^\s*SELECT/i.test(sql)) {
        const plan = (await real.call(this, `EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) ${sql}`, params)) as { 'QUERY PLAN': string }[];
        plans.push(`-- ${sql.replace(/\s+/g, ' ').trim().slice(0, 240)}\n${plan.map((p) => p['QUERY PLAN']).join('\n')}\n`);
      }
      return real.call(this, sql, params);
    };
    const stats = ctx.get(StatsService);
    await stats.listFigures({});
    await stats.funnelFigures({});
    await stats.contractFigures({});
    await stats.challengeFigures({});
    await stats.organizationFigures({});
    await ctx.get(TargetsService).list();
    proto.query = real;
    await ctx.close();
    mkdirSync(join(ROOT, 'var'), { recursive: true });
    writeFileSync(join(ROOT, 'var/bench-stats-plans.txt'), plans.join('\n'));
    log(`EXPLAIN plans of ${plans.length} statements in var/bench-stats-plans.txt`);
    await pg.destroy();

    const dashboard = Object.entries(per).filter(([n]) => n !== 'public');
    Object.assign(out, {
      p95_ms: Math.max(...dashboard.map(([, v]) => v.p95)),
      p95_by_request_ms: Object.fromEntries(Object.entries(per).map(([n, v]) => [n, v.p95])),
      requests: per,
      dashboard_page_ms: { p50: r1(pct(pageTimes, 50)), p95: r1(pct(pageTimes, 95)), n: pageTimes.length },
      connections: CONNECTIONS,
      seconds_each: DURATION_S,
      load_average: loadavg().map((l) => Math.round(l * 100) / 100),
      total_s: Math.round((Date.now() - started) / 1000),
    });
  } finally {
    if (api) api.child.kill('SIGTERM');
    // BENCH_KEEP=1 leaves the schema for looking at plans by hand (psql, search_path=<schema>).
    if (process.env.BENCH_KEEP === '1') log(`schema kept: ${env.config.dbSchema}`);
    else await env.cleanup();
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
