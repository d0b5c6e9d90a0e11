/**
 * How the demo matches, measured on the product itself: seeds the demo city into a private schema
 * and prefix, then runs the real worker (outbox relay → index sync → match computation →
 * notifications) until everything has settled, as scripts/demo.sh does. Prints, for every published
 * need, its active matches with their scores (✉ notified; ✓ one of the records read and kept for that
 * need when the demo was chosen, scripts/demo-results-selection.json), and a summary: matches per
 * need, kept ones among them, best score per need, needs whose best match reaches the notification
 * threshold, match notifications. Drops its schema, indexes and Redis keys at the end unless
 * DEMO_KEEP=1.
 *
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register scripts/demo-matches.ts [--json] [--top N]
 *
 * Env: the product's own (DATABASE_URL, MEILI_HOST, MATCH_NOTIFY_THRESHOLD…), except that the schema
 * and resource prefix are always a fresh pair (demochk…) and e-mail goes to a private catcher that
 * counts it. test/demo-matching.e2e-spec.ts uses settle() and readVerdicts().
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { AdoptionsService, NeedsService, ResultsService } from '@app/catalog';
import { DemoSeeder } from '@app/catalog/demo';
import { dropSchema, loadConfig, QueueName, QueueRegistry, runMigrations, type AppConfig } from '@app/core';
import { ProvisioningService } from '@app/identity';
import { createApiApp } from '../apps/api/src/bootstrap';
import { ALL_MIGRATIONS } from '../apps/api/src/migrations';
import { startWorker, type RunningWorker } from '../apps/worker/src/bootstrap';
import { createMailCatcher } from './mail-catcher';

export interface NeedReport {
  id: string;
  title: string;
  field: string;
  matches: {
    score: number;
    textScore: number;
    title: string;
    field: string | null;
    organization: string;
    notified: boolean;
    /** The record was read and kept for this need when the demo was chosen (demo-results-selection.json). */
    read: boolean;
  }[];
}

export interface DemoReport {
  needs: NeedReport[];
  publishedResults: number;
  threshold: number;
  matchNotifications: number;
}

/** Waits until the outbox is relayed and the search, match and notify queues are idle, three polls in a row. */
export async function settle(ds: DataSource, queues: QueueRegistry, timeoutMs = 300_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let quiet = 0;
  while (Date.now() < until) {
    const [{ n }] = await ds.query(
      `SELECT (SELECT count(*) FROM outbox_event WHERE relayed_at IS NULL) + (SELECT count(*) FROM search_sync_pending) AS n`,
    );
    let busy = Number(n);
    for (const name of [QueueName.SearchIndex, QueueName.Match, QueueName.Notify]) {
      const c = await queues.get(name).getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      busy += Object.values(c).reduce((a, b) => a + b, 0);
    }
    quiet = busy === 0 ? quiet + 1 : 0;
    if (quiet >= 3) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the demo did not settle in time');
}

/** Titles of the results kept for each need when the demo was chosen, by need title. */
export function readVerdicts(): Map<string, Set<string>> {
  const dir = join(__dirname, '..', 'libs', 'catalog', 'src', 'demo');
  const titles = new Map(
    readFileSync(join(dir, 'results-demo.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string; title: string })
      .map((r) => [r.id, r.title]),
  );
  const selection = JSON.parse(readFileSync(join(__dirname, 'demo-results-selection.json'), 'utf8')) as {
    needs: { need: string; ids: string[] }[];
  };
  return new Map(selection.needs.map((n) => [n.need, new Set(n.ids.map((id) => titles.get(id) ?? id))]));
}

/** Every published need with its active matches (best first), as the product stored them. */
export async function readReport(ds: DataSource, threshold: number): Promise<DemoReport> {
  const verdicts = readVerdicts();
  const needs: { id: string; title: string; field: string }[] = await ds.query(
    `SELECT id, title, field FROM need WHERE status = 'published' ORDER BY created_at, id`,
  );
  const rows: {
    need_id: string;
    score: number;
    text_score: number;
    title: string;
    field: string | null;
    organization: string;
    notified: boolean;
  }[] = await ds.query(
    `SELECT m.need_id, m.score, m.text_score, r.title, r.field, o.name AS organization, m.notified_at IS NOT NULL AS notified
       FROM match m JOIN result r ON r.id = m.result_id JOIN organization o ON o.id = r.organization_id
      WHERE m.status = 'active' ORDER BY m.score DESC, m.id`,
  );
  const [{ n: publishedResults }] = await ds.query(`SELECT count(*)::int AS n FROM result WHERE status = 'published'`);
  const [{ n: matchNotifications }] = await ds.query(`SELECT count(*)::int AS n FROM notification WHERE event_type = 'match.created'`);
  return {
    needs: needs.map((n) => ({
      ...n,
      matches: rows
        .filter((r) => r.need_id === n.id)
        .map((r) => ({
          score: r.score,
          textScore: r.text_score,
          title: r.title,
          field: r.field,
          organization: r.organization,
          notified: r.notified,
          read: verdicts.get(n.title)?.has(r.title) ?? false,
        })),
    })),
    publishedResults,
    threshold,
    matchNotifications,
  };
}

export function summarize(report: DemoReport): Record<string, number> {
  const counts = report.needs.map((n) => n.matches.length).sort((a, b) => a - b);
  const read = report.needs.map((n) => n.matches.filter((m) => m.read).length).sort((a, b) => a - b);
  const best = report.needs.map((n) => n.matches[0]?.score ?? 0).sort((a, b) => a - b);
  const median = (xs: number[]): number => (xs.length ? xs[Math.floor((xs.length - 1) / 2)] : 0);
  return {
    publishedNeeds: report.needs.length,
    publishedResults: report.publishedResults,
    needsWithoutMatch: counts.filter((c) => c === 0).length,
    needsWithFewerThan3: counts.filter((c) => c < 3).length,
    matchesMin: counts[0] ?? 0,
    matchesMedian: median(counts),
    readMatchesMin: read[0] ?? 0,
    readMatchesMedian: median(read),
    needsWithFewerThan3Read: read.filter((c) => c < 3).length,
    bestScoreMin: best[0] ?? 0,
    bestScoreMedian: median(best),
    needsReachingThreshold: best.filter((s) => s >= report.threshold).length,
    matchNotifications: report.matchNotifications,
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const top = args.includes('--top') ? Number(args[args.indexOf('--top') + 1]) : 5;
  const runId = `demochk${randomBytes(3).toString('hex')}`;
  // The seed's e-mails go to a private catcher that only counts them, never to a real server.
  let mails = 0;
  const catcher = createMailCatcher(() => {
    mails++;
  });
  await new Promise<void>((resolve) => catcher.listen(0, '127.0.0.1', resolve));
  const { port } = catcher.server.address() as AddressInfo;
  const config: AppConfig = loadConfig({
    LOG_LEVEL: 'error',
    ...process.env,
    // Always a fresh schema and prefix: this run drops them at the end.
    DB_SCHEMA: runId,
    RESOURCE_PREFIX: runId,
    SMTP_URL: `smtp://127.0.0.1:${port}`,
  });
  await runMigrations(config, ALL_MIGRATIONS);
  const app = await createApiApp(config);
  await app.init();
  let worker: RunningWorker | null = null;
  try {
    const started = Date.now();
    const seeder = new DemoSeeder(app.get(ProvisioningService), app.get(NeedsService), app.get(ResultsService), app.get(AdoptionsService));
    await seeder.run();
    // As in scripts/demo.sh: the worker starts once the seed is written.
    worker = await startWorker(config, { relayIntervalMs: 50 });
    const ds = app.get(DataSource);
    await settle(ds, worker.app.get(QueueRegistry));
    const report = await readReport(ds, config.matchNotifyThreshold);
    if (args.includes('--json')) {
      console.log(JSON.stringify(report));
    } else {
      for (const n of report.needs) {
        console.log(`\n【${n.field}】${n.title}  (${n.matches.length} matches)`);
        for (const m of n.matches.slice(0, top)) {
          const marks = `${m.notified ? '✉' : ' '}${m.read ? '✓' : ' '}`;
          console.log(
            `  ${String(m.score).padStart(3)} (text ${String(m.textScore).padStart(3)}) ${marks} ${m.title}  [${m.field}; ${m.organization}]`,
          );
        }
      }
    }
    console.log(JSON.stringify({ ...summarize(report), mails, seconds: Math.round((Date.now() - started) / 1000) }));
  } finally {
    await worker?.stop();
    await app.close();
    await new Promise<void>((resolve) => catcher.close(() => resolve()));
    if (process.env.DEMO_KEEP !== '1') await cleanup(config);
  }
}

async function cleanup(config: AppConfig): Promise<void> {
  await dropSchema(config.databaseUrl, config.dbSchema);
  const redis = new IORedis(config.redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.resourcePrefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  const headers = { Authorization: `Bearer ${config.meiliMasterKey}` };
  const res = await fetch(`${config.meiliHost}/indexes?limit=1000`, { headers });
  const body = (await res.json()) as { results: { uid: string }[] };
  for (const idx of body.results.filter((i) => i.uid.startsWith(config.resourcePrefix))) {
    await fetch(`${config.meiliHost}/indexes/${idx.uid}`, { method: 'DELETE', headers });
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  });
}
