/**
 * npm run bench:match — search and matching at 100,000 results.
 *
 * Starts what it needs (own PostgreSQL schema, index and queue prefix; the api in-process on a
 * free port; the worker in-process), loads 100,000 published results (the real corpus from
 * ../shared/data when present, else the repo's demo results, repeated), builds the index the
 * product's way (rebuild), publishes needs, then measures with autocannon over HTTP:
 *   GET /api/needs/:id/matches and GET /api/search, at concurrency 1 and 16,
 *   raw Meilisearch searches of the same queries (keep-alive HTTP, same run),
 *   the matcher itself (multi-search + re-scoring) per need, the PostgreSQL baseline
 *   (pg_trgm word_similarity over the same rows), and need approved → both sides' inbox.
 * Cleans up; prints one JSON line last.
 */
import autocannon from 'autocannon';
import { existsSync, readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { creditCodeCheckChar, ProvisioningService } from '@app/identity';
import { MatchesService, MatcherFactory, SearchIndexService, SearchQueryDto, SearchService } from '@app/matching';
import { createApiApp } from '../apps/api/src/bootstrap';
import { startWorker } from '../apps/worker/src/bootstrap';
import { startSmtpPeer } from '../test/notify-support';
import { createTestEnv } from '../test/support/test-env';

const TOTAL = Number(process.env.BENCH_RESULTS ?? 100_000);
const NEEDS = 40;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const ROOT = join(__dirname, '..');

interface Rec {
  title: string;
  summary: string;
  keywords: string[];
}

const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const r1 = (n: number): number => Math.round(n * 10) / 10;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function loadRecords(): { records: Rec[]; source: string } {
  const shared = join(ROOT, '..', 'shared', 'data', 'results-corpus.jsonl');
  if (existsSync(shared)) {
    const records = readFileSync(shared, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { title: string | null; abstract: string; keywords: string[] })
      .map((r) => ({
        title: (r.title ?? r.abstract.slice(0, 30)).slice(0, 100),
        summary: r.abstract.slice(0, 5000),
        keywords: r.keywords.slice(0, 10).map((k) => k.slice(0, 20)),
      }));
    return { records, source: '../shared/data/results-corpus.jsonl' };
  }
  const demo = readFileSync(join(ROOT, 'libs/catalog/src/demo/results-demo.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Rec);
  return { records: demo, source: 'libs/catalog/src/demo/results-demo.jsonl' };
}

function loadNeedTexts(): { title: string; description: string }[] {
  const dev = join(ROOT, '..', 'shared', 'data', 'matching-dev', 'needs.jsonl');
  const lines = existsSync(dev)
    ? readFileSync(dev, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { title: string; description: string })
    : readFileSync(join(ROOT, 'libs/catalog/src/demo/needs-demo.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { title: string; description: string });
  return lines.slice(0, NEEDS).map((n) => ({ title: n.title.slice(0, 100), description: (n.description || n.title).slice(0, 5000) }));
}

async function cannon(
  url: string,
  paths: string[],
  connections: number,
  headers: Record<string, string>,
  method = 'GET',
  bodies?: string[],
) {
  let i = 0;
  // autocannon's summary has p90 and p97.5 but no p95: every response's time is kept for exact percentiles.
  const times: number[] = [];
  const options: autocannon.Options = {
    url,
    connections,
    duration: DURATION_S,
    headers,
    requests: [
      {
        method: method as 'GET' | 'POST',
        setupRequest: (req) => {
          const k = i++ % paths.length;
          return { ...req, path: paths[k], ...(bodies ? { body: bodies[k] } : {}) };
        },
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(options, (err, res) => (err ? reject(err) : resolve(res)));
    run.on('response', (_client, _status, _bytes, responseTime: number) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  const errors = result.errors + result.non2xx;
  return {
    p50: r1(pct(times, 50)),
    p95: r1(pct(times, 95)),
    p99: r1(pct(times, 99)),
    rps: Math.round(result.requests.average),
    errors,
  };
}

async function main(): Promise<void> {
  // A local SMTP peer takes the match e-mails, so failing deliveries do not retry during the figures.
  const smtp = await startSmtpPeer();
  const env = await createTestEnv({ LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', MATCH_NOTIFY_THRESHOLD: '0', SMTP_URL: smtp.url });
  const app = await createApiApp(env.config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const worker = await startWorker(env.config, { relayIntervalMs: 20 });
  const ds = app.get(DataSource);
  const out: Record<string, unknown> = { bench: 'match', results: TOTAL };
  try {
    const prov = app.get(ProvisioningService);
    const pw = 'Bench-passw0rd';
    const { organization: uni } = await prov.createVerifiedOrganization({
      name: '基准大学',
      kind: 'university',
      region: '武汉市',
      users: [{ email: 'uni@bench.test', password: pw, name: '大学' }],
    });
    const code = '91420800MA4C8E1N0';
    const { organization: ent } = await prov.createVerifiedOrganization({
      name: '基准企业',
      kind: 'enterprise',
      region: '荆门市',
      creditCode: code + creditCodeCheckChar(code),
      users: [{ email: 'ent@bench.test', password: pw, name: '企业' }],
    });
    await prov.createVerifiedOrganization({
      name: '基准科技局',
      kind: 'bureau',
      region: '荆门市',
      users: [{ email: 'bureau@bench.test', password: pw, name: '科技局' }],
    });
    const login = async (email: string): Promise<string> => {
      const r = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: pw }),
      });
      return ((await r.json()) as { accessToken: string }).accessToken;
    };
    const bureauToken = await login('bureau@bench.test');

    // 1. 100,000 published results, 1,000 rows per statement.
    const { records, source } = loadRecords();
    out.corpus = source;
    let t0 = Date.now();
    for (let start = 0; start < TOTAL; start += 1000) {
      const n = Math.min(1000, TOTAL - start);
      const rows = Array.from({ length: n }, (_, k) => records[(start + k) % records.length]);
      await ds.query(
        `INSERT INTO result (organization_id, title, summary, keywords, field, trl, region, status, published_at, cooperation_modes)
         SELECT $1, t, s, string_to_array(k, '|'), '新材料', 5, '武汉市', 'published', now(), '{技术转让}'
           FROM unnest($2::text[], $3::text[], $4::text[]) AS u(t, s, k)`,
        [uni.id, rows.map((r) => r.title), rows.map((r) => r.summary), rows.map((r) => r.keywords.join('|'))],
      );
    }
    out.pg_insert_s = r1((Date.now() - t0) / 1000);
    t0 = Date.now();
    await app.get(SearchIndexService).rebuild('result');
    out.index_s = r1((Date.now() - t0) / 1000);
    out.index_docs_per_s = Math.round(TOTAL / ((Date.now() - t0) / 1000));

    // 2. Needs, published; matches computed by the worker through the outbox.
    const needs = loadNeedTexts();
    const needIds: string[] = [];
    for (const n of needs) {
      const [row] = await ds.query(
        `INSERT INTO need (organization_id, title, description, field, trl, region, status, published_at, cooperation_modes)
         VALUES ($1, $2, $3, '新材料', 4, '荆门市', 'published', now(), '{技术转让}') RETURNING id`,
        [ent.id, n.title, n.description],
      );
      needIds.push(row.id);
    }
    const compute: number[] = [];
    for (const id of needIds) {
      const s = process.hrtime.bigint();
      await app.get(MatchesService).compute('need', id);
      compute.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
    compute.sort((a, b) => a - b);
    out.match_compute_ms = { p50: r1(pct(compute, 50)), p95: r1(pct(compute, 95)), p99: r1(pct(compute, 99)) };
    const rank: number[] = [];
    // Needs whose best result clears the kept-match floor even with no factor fitting (×0.8):
    // an approval of one of them must reach both inboxes; a need with nothing relevant notifies nobody.
    const matchable: typeof needs = [];
    // The best result of each matchable need: a copy of it, approved, must reach both inboxes too.
    const bestResults: string[] = [];
    for (const n of needs) {
      const s = process.hrtime.bigint();
      const hits = await app.get(MatcherFactory).rank('result', { title: n.title, description: n.description }, 20);
      rank.push(Number(process.hrtime.bigint() - s) / 1e6);
      if ((hits[0]?.score0to100 ?? 0) * 0.8 >= env.config.matchMinScore + 1) {
        matchable.push(n);
        bestResults.push(hits[0].id);
      }
    }
    out.needs_with_a_kept_match = `${matchable.length}/${needs.length}`;
    rank.sort((a, b) => a - b);
    out.matcher_rank_ms = { p50: r1(pct(rank, 50)), p95: r1(pct(rank, 95)), p99: r1(pct(rank, 99)) };

    // 3. HTTP latency: stored matches, search, and raw Meilisearch with the same queries.
    const auth = { authorization: `Bearer ${bureauToken}` };
    const matchPaths = needIds.map((id) => `/api/needs/${id}/matches`);
    const searchPaths = needs.map((n) => `/api/search?type=result&q=${encodeURIComponent(n.title)}&pageSize=20`);
    // The raw baseline sends Meilisearch exactly the request the API makes (filters, facets, highlights).
    const searchService = app.get(SearchService);
    const raw = needs.map((n) =>
      searchService.request(Object.assign(new SearchQueryDto(), { type: 'result', q: n.title, page: 1, pageSize: 20 })),
    );
    const meiliBodies = raw.map((r) => JSON.stringify(r.body));
    out.search_synonym_share = r1((100 * raw.filter((r) => r.federated).length) / raw.length);
    const meiliHeaders = { authorization: `Bearer ${env.config.meiliMasterKey}`, 'content-type': 'application/json' };
    for (const c of [1, 16]) {
      out[`matches_c${c}`] = await cannon(base, matchPaths, c, auth);
      out[`search_c${c}`] = await cannon(base, searchPaths, c, {});
      out[`raw_meili_c${c}`] = await cannon(
        env.config.meiliHost,
        raw.map((r) => r.path),
        c,
        meiliHeaders,
        'POST',
        meiliBodies,
      );
    }

    // 4. PostgreSQL baseline over the same rows (pg_trgm), in process.
    await ds.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`).catch(() => undefined);
    const pg: number[] = [];
    for (const n of needs.slice(0, 10)) {
      const s = process.hrtime.bigint();
      await ds.query(`SELECT id FROM result WHERE status = 'published' ORDER BY word_similarity($1, title) DESC LIMIT 20`, [n.title]);
      pg.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
    pg.sort((a, b) => a - b);
    out.pg_trgm_baseline_ms = { p50: r1(pct(pg, 50)), p95: r1(pct(pg, 95)) };

    // 5. Need approved, and result approved → both sides' inbox entries (through outbox, worker, index
    // sync with its statistics, matcher, fan-out). The results side syncs the 100,000-document index.
    const approvals = async (
      side: 'need' | 'result',
      insert: (i: number) => Promise<string>,
      count: number,
    ): Promise<Record<string, unknown>> => {
      const key = side === 'need' ? 'needId' : 'resultId';
      const latencies: number[] = [];
      const toMatch: number[] = [];
      const toInbox: number[] = [];
      for (let i = 0; i < count; i++) {
        const id = await insert(i);
        const start = Date.now();
        const res = await fetch(`${base}/api/${side}s/${id}/approve`, { method: 'POST', headers: auth });
        if (res.status !== 200) throw new Error(`approve ${res.status} ${await res.text()}`);
        for (;;) {
          const [c] = await ds.query(
            `SELECT count(DISTINCT x.organization_id)::int AS n FROM notification x JOIN outbox_event o ON o.id = x.event_id
              WHERE o.type = 'match.created' AND o.payload->>'${key}' = $1`,
            [id],
          );
          if (c.n >= 2) break;
          if (Date.now() - start > 30_000) throw new Error(`no inbox entries within 30 s for ${side} ${id}`);
          await sleep(5);
        }
        latencies.push(Date.now() - start);
        // Where the time went, from the database's own timestamps.
        const [t] = await ds.query(
          `SELECT extract(epoch FROM (SELECT min(created_at) FROM outbox_event WHERE type = 'match.created' AND payload->>'${key}' = $1)
                                  - (SELECT created_at FROM outbox_event WHERE type = '${side}.approved' AND payload->>'${key}' = $1)) * 1000 AS to_match,
                  extract(epoch FROM (SELECT max(x.created_at) FROM notification x JOIN outbox_event o ON o.id = x.event_id
                                       WHERE o.type = 'match.created' AND o.payload->>'${key}' = $1)
                                  - (SELECT min(created_at) FROM outbox_event WHERE type = 'match.created' AND payload->>'${key}' = $1)) * 1000 AS to_inbox`,
          [id],
        );
        toMatch.push(Number(t.to_match));
        toInbox.push(Number(t.to_inbox));
      }
      // In the order they were approved: a slow first one is a cold start, a slow later one is not.
      const inOrder = [...latencies];
      for (const a of [latencies, toMatch, toInbox]) a.sort((x, y) => x - y);
      return {
        p50: pct(latencies, 50),
        p95: pct(latencies, 95),
        n: latencies.length,
        in_order: inOrder,
        // approval → index sync → match computed and stored (match.created written), then → inbox rows
        approval_to_match_p50: r1(pct(toMatch, 50)),
        approval_to_match_p95: r1(pct(toMatch, 95)),
        match_to_inbox_p50: r1(pct(toInbox, 50)),
        match_to_inbox_p95: r1(pct(toInbox, 95)),
      };
    };
    const approved = matchable.slice(0, 15);
    out.approval_to_both_inboxes_ms = await approvals(
      'need',
      async (i) => {
        const n = approved[i];
        const [row] = await ds.query(
          `INSERT INTO need (organization_id, title, description, field, trl, region, status, submitted_at, cooperation_modes)
           VALUES ($1, $2, $3, '新材料', 4, '荆门市', 'submitted', now(), '{技术转让}') RETURNING id`,
          [ent.id, `${n.title}`.slice(0, 100), n.description],
        );
        return row.id as string;
      },
      approved.length,
    );
    out.result_approval_to_both_inboxes_ms = await approvals(
      'result',
      async (i) => {
        const [row] = await ds.query(
          `INSERT INTO result (organization_id, title, summary, keywords, field, trl, region, status, submitted_at, cooperation_modes)
           SELECT organization_id, title, summary, keywords, field, trl, region, 'submitted', now(), cooperation_modes
             FROM result WHERE id = $1 RETURNING id`,
          [bestResults[i]],
        );
        return row.id as string;
      },
      Math.min(15, bestResults.length),
    );
  } finally {
    await worker.stop();
    await app.close();
    await smtp.stop();
    await env.cleanup();
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
