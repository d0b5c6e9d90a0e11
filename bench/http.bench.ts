/**
 * npm run bench:http — the product as users meet it, measured from outside its processes.
 *
 * Builds the api and the worker for production (`npx nest build api|worker`, as the Dockerfile
 * does) when dist/ is older than any source under apps/ or libs/ (BENCH_BUILD=always rebuilds
 * anyway), and starts them as their own processes with NODE_ENV=production, a random JWT_SECRET,
 * the production log level (BENCH_LOG_LEVEL, default info, written to a file), on a fresh
 * PostgreSQL schema, Meilisearch index prefix and BullMQ queue prefix, on a free port, with an SMTP
 * catcher for their e-mails. The bureau and 71 organizations are provisioned the way the other
 * benches do it; then BENCH_RESULTS results (100,000) and BENCH_NEEDS needs (20,000) go through the
 * product's own import, needs first (as a city would add its results list: they then have needs to
 * match, as in bench:import), and each is timed to PostgreSQL (the import's answer) and to
 * searchable (every row in Meilisearch). The worker's matching of the imports is waited for (at
 * most BENCH_MATCH_WAIT_S, 600 s), so that needs have stored matches and inboxes their summaries,
 * and the reads run beside an idle worker; a worker still matching then is stopped for the reads
 * (`workerDuringLoad` says so).
 *
 * Then autocannon, in this process, drives each case at c=1 and c=16 for BENCH_SECONDS (8) each,
 * after a BENCH_WARMUP_SECONDS (1) warm-up: search of results and needs, with and without filters
 * and facets, each beside Meilisearch sent the same request and a plain query (bench/http-load.ts);
 * a need's stored matches as its owner; the public lists; a result's page; the inbox. Prints a
 * table as it goes and, last, one JSON line. Stops its processes and removes its schema, indexes
 * and queue keys at the end, on failure and on Ctrl-C.
 *
 * To see where the api's time goes: BENCH_CASES=reads (or search) runs only those cases, and
 * BENCH_API_CPU_PROF=<dir> starts the api with `node --cpu-prof`, writing its profile there when
 * it stops (open it in Chrome DevTools or speedscope). The api serves with one process per core,
 * as in production; BENCH_API_PROCESSES=<n> sets API_PROCESSES (1: a single process).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ProvisioningService } from '@app/identity';
import { MeiliService, SearchService } from '@app/matching';
import { createApiApp } from '../apps/api/src/bootstrap';
import { createMailCatcher } from '../scripts/mail-catcher';
import { freePort } from '../test/notify-support';
import { createTestEnv } from '../test/support/test-env';
import {
  ByConcurrency,
  READ_HEADER,
  runReadCase,
  runSearchCase,
  SEARCH_HEADER,
  SearchFigures,
  searchCase,
  searchQueries,
} from './http-load';
import { reportTargets } from './http-targets';
import {
  BENCH_PASSWORD,
  ImportAnswer,
  needsCsv,
  needTexts,
  provisionBenchOrgs,
  resultsCsv,
  s2,
  sleep,
  uploadSheet,
} from './import-fixtures';
import { BUILT_ENTRY, spawnApi, spawnWorker } from './product-processes';

const RESULTS = Number(process.env.BENCH_RESULTS ?? 100_000);
const NEEDS = Number(process.env.BENCH_NEEDS ?? 20_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 1);
const MATCH_WAIT_S = Number(process.env.BENCH_MATCH_WAIT_S ?? 600);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const CASES = process.env.BENCH_CASES ?? 'search,reads';
const API_CPU_PROF = process.env.BENCH_API_CPU_PROF;
const API_PROCESSES = process.env.BENCH_API_PROCESSES;
const CONCURRENCY = [1, 16];
const ROOT = join(__dirname, '..');

const log = (msg: string): void => void process.stderr.write(`[bench:http] ${msg}\n`);
const print = (line: string): void => void process.stdout.write(`${line}\n`);
const machineLoad = (): number[] => loadavg().map((l) => Math.round(l * 100) / 100);

/** The newest modification time among the sources a production build compiles. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.(ts|json)$/.test(e.name) && !e.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  ['apps/api/src', 'apps/worker/src', 'libs'].forEach((d) => walk(join(ROOT, d)));
  for (const f of ['tsconfig.json', 'nest-cli.json', 'package-lock.json', 'apps/api/tsconfig.app.json', 'apps/worker/tsconfig.app.json']) {
    newest = Math.max(newest, statSync(join(ROOT, f)).mtimeMs);
  }
  return newest;
}

/**
 * Builds when dist/ is older than a source. A build whose type check fails but that emitted its
 * entry point goes on, said in the figures (`tsc` emits despite type errors).
 */
function ensureBuilt(): string {
  const entries = Object.values(BUILT_ENTRY).map((p) => join(ROOT, p));
  const builtAt = Math.min(...entries.map((p) => (existsSync(p) ? statSync(p).mtimeMs : 0)));
  if (process.env.BENCH_BUILD !== 'always' && builtAt > newestSource()) return 'up to date';
  const failures: string[] = [];
  for (const app of ['api', 'worker'] as const) {
    log(`npx nest build ${app}`);
    const t0 = Date.now();
    try {
      execFileSync('npx', ['nest', 'build', app], { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
    } catch (err) {
      const entry = join(ROOT, BUILT_ENTRY[app]);
      if (!existsSync(entry) || statSync(entry).mtimeMs < t0) throw err;
      log(`nest build ${app} failed its type check but emitted ${BUILT_ENTRY[app]}: going on with it`);
      failures.push(app);
    }
  }
  return failures.length ? `built; type check failed for ${failures.join(', ')} (JS emitted)` : 'built';
}

/** Cleanup steps, run once, last added first: at the end, on failure, and on Ctrl-C. */
const cleanups: (() => Promise<unknown> | void)[] = [];
let cleaning: Promise<void> | null = null;
const cleanUp = (): Promise<void> =>
  (cleaning ??= (async () => {
    for (const step of cleanups.reverse()) await Promise.resolve(step()).catch((err: unknown) => log(`cleanup: ${String(err)}`));
  })());
let interrupted = false;
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    interrupted = true;
    log(`${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(code));
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadStart = machineLoad();
  const build = ensureBuilt();
  log(`production build ${build}; ${RESULTS} results, ${NEEDS} needs; load ${loadStart.join(' ')} on ${cpus().length} cores`);

  const env = await createTestEnv({ LOG_LEVEL: 'silent' });
  log(`schema ${env.config.dbSchema}, index and queue prefix ${env.config.resourcePrefix}`);
  cleanups.push(() => env.cleanup());
  let emails = 0;
  const catcher = createMailCatcher(() => void emails++);
  const smtpPort = await freePort();
  await new Promise<void>((resolve) => catcher.listen(smtpPort, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => catcher.close(() => resolve())));

  // 1. The bureau and the organizations, provisioned in this process before the api starts.
  const setup = await createApiApp(env.config);
  await setup.init();
  const orgs = await provisionBenchOrgs(setup.get(ProvisioningService));
  await setup.close();

  // 2. The api and the worker, production builds, as their own processes.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const production = {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: env.config.databaseUrl,
    DB_SCHEMA: env.config.dbSchema,
    REDIS_URL: env.config.redisUrl,
    MEILI_HOST: env.config.meiliHost,
    MEILI_MASTER_KEY: env.config.meiliMasterKey,
    RESOURCE_PREFIX: env.config.resourcePrefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    // The bench signs the bureau in with its password.
    BUREAU_TOTP_REQUIRED: 'false',
    // Long enough for the whole run: the tokens are taken once, before the imports.
    JWT_ACCESS_TTL_SECONDS: '14400',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    PUBLIC_BASE_URL: base,
    UPLOAD_DIR: join(tmpdir(), `bench-http-${env.runId}-uploads`),
    LOG_LEVEL,
    LOG_FORMAT: 'json',
    ...(API_PROCESSES ? { API_PROCESSES } : {}),
  };
  const logs = { api: join(tmpdir(), `bench-http-${env.runId}-api.log`), worker: join(tmpdir(), `bench-http-${env.runId}-worker.log`) };
  const api = spawnApi(production, {
    built: true,
    logFile: logs.api,
    nodeArgs: API_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${API_CPU_PROF}`] : [],
  });
  const worker = spawnWorker(production, { built: true, logFile: logs.worker });
  let failed = true;
  cleanups.push(() => {
    if (failed) for (const [name, p] of Object.entries({ api, worker })) log(`${name} log (end):\n${p.output().slice(-3000)}`);
    for (const f of [...Object.values(logs), production.UPLOAD_DIR]) rmSync(f, { recursive: true, force: true });
  });
  cleanups.push(() => api.stop());
  cleanups.push(() => worker.stop());
  const [listening] = await Promise.all([api.ready(base), worker.started]);
  // The primary of several says how many; a single process does not.
  const apiProcesses = Number(/(\d+) processes/.exec(listening)?.[1] ?? 1);
  log(
    `api (${apiProcesses} process${apiProcesses === 1 ? '' : 'es'}) on ${base} and worker started (NODE_ENV=production, LOG_LEVEL=${LOG_LEVEL})`,
  );

  const pg = new Client({ connectionString: env.config.databaseUrl, options: `-c search_path=${env.config.dbSchema}` });
  await pg.connect();
  cleanups.push(() => pg.end());
  const meili = new MeiliService(env.config);
  cleanups.push(() => meili.client.closeConnections());
  const login = async (email: string): Promise<string> => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: BENCH_PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const bureau = await login(orgs.bureau.email);

  // 3. The imports: needs first (so the results' matching finds them), each to PostgreSQL and to searchable.
  const importList = async (type: 'result' | 'need', content: string, rows: number) => {
    const startedAt = Date.now();
    const t0 = performance.now();
    const answer: ImportAnswer = await uploadSheet(base, bureau, `${type}s`, content);
    const toPostgres = performance.now() - t0;
    if (answer.imported !== rows) throw new Error(`${type}s import: ${answer.imported} of ${rows} rows imported`);
    log(`${type}s: ${rows} rows in PostgreSQL after ${s2(toPostgres)} s`);
    const index = meili.client.index(meili.uid(type));
    let toSearchable = 0;
    for (let i = 0; !toSearchable; i++) {
      const docs = await index.getStats().then(
        (s) => s.numberOfDocuments,
        () => 0,
      );
      if (docs >= rows) toSearchable = performance.now() - t0;
      else if (performance.now() - t0 > 7_200_000) throw new Error(`${type}s: ${docs} of ${rows} searchable after 2 hours`);
      else if (i % 150 === 149) log(`${type}s: ${docs} of ${rows} searchable after ${s2(performance.now() - t0)} s`);
      if (!toSearchable) await sleep(200);
    }
    // The api's total stops at the index's maxTotalHits: a check that the api reads the same index, not a count.
    const found = await fetch(`${base}/api/search?type=${type}&pageSize=1`).then((r) => r.json() as Promise<{ total: number }>);
    log(`${type}s: searchable after ${s2(toSearchable)} s (the api's search answers a total of ${found.total})`);
    return {
      importId: answer.importId,
      startedAt,
      figures: {
        rows,
        toPostgresS: s2(toPostgres),
        toSearchableS: s2(toSearchable),
        searchableDocsPerS: Math.round(rows / ((toSearchable - toPostgres) / 1000)),
        toMatchedS: null as number | null,
      },
    };
  };
  const { csv: resultRows, source } = resultsCsv(
    RESULTS,
    orgs.research.map((o) => o.name),
  );
  log(`results sheet: ${RESULTS} rows from ${source}, ${(Buffer.byteLength(resultRows) / 1024 / 1024).toFixed(1)} MB`);
  const needs = await importList(
    'need',
    needsCsv(
      NEEDS,
      orgs.enterprises.map((o) => o.name),
    ),
    NEEDS,
  );
  const results = await importList('result', resultRows, RESULTS);

  // 4. The imports' matching and summaries, waited for (at most BENCH_MATCH_WAIT_S) so the reads run beside an idle worker.
  const waitFrom = performance.now();
  let matched = false;
  let batches = '';
  for (let i = 0; performance.now() - waitFrom < MATCH_WAIT_S * 1000; i++) {
    const { rows: progress } = await pg
      .query<{ import_id: string; batches: number; batches_matched: number; summarized_at: Date | null }>(
        `SELECT import_id, batches, batches_matched, summarized_at FROM import_progress WHERE import_id = ANY($1::uuid[])`,
        [[needs.importId, results.importId]],
      )
      .catch((err: unknown) => {
        log(`import progress unreadable (${String(err)}): not waiting for the matching`);
        return { rows: null };
      });
    if (!progress) break;
    for (const imp of [needs, results]) {
      const at = progress.find((p) => p.import_id === imp.importId)?.summarized_at;
      if (at) imp.figures.toMatchedS = s2(at.getTime() - imp.startedAt);
    }
    matched = progress.length === 2 && progress.every((p) => p.summarized_at);
    if (matched) break;
    batches = Object.entries({ needs, results })
      .map(([name, imp]) => {
        const p = progress.find((r) => r.import_id === imp.importId);
        return `${name} ${p ? `${p.batches_matched}/${p.batches}` : 'not planned yet'}`;
      })
      .join(', ');
    if (i % 60 === 0) log(`matching: ${batches} batches`);
    await sleep(500);
  }
  // A worker still matching would take the cores the reads are measured on: it is stopped for them, and that is said.
  const workerDuringLoad = matched ? 'idle' : `stopped: matching not done after ${MATCH_WAIT_S} s (${batches} batches)`;
  if (matched) log(`matched and summarized (results ${results.figures.toMatchedS} s, needs ${needs.figures.toMatchedS} s)`);
  else {
    log(`worker ${workerDuringLoad}`);
    await worker.stop();
  }

  // 5. What the reads need: needs with stored matches and their owners, result ids, every organization's token.
  const { rows: withMatches } = await pg.query<{ id: string; org: string }>(
    `SELECT need_id AS id, min(need_organization_id::text) AS org FROM match GROUP BY need_id ORDER BY md5(need_id::text) LIMIT 300`,
  );
  const { rows: resultIds } = await pg.query<{ id: string }>(
    `SELECT id FROM result WHERE status = 'published' ORDER BY md5(id::text) LIMIT 500`,
  );
  const [counts] = (
    await pg.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM result WHERE status = 'published')::int AS results, (SELECT count(*) FROM need WHERE status = 'published')::int AS needs,
              (SELECT count(*) FROM match)::int AS matches, (SELECT count(DISTINCT need_id) FROM match)::int AS "needsWithMatches",
              (SELECT count(*) FROM notification)::int AS "inboxEntries"`,
    )
  ).rows;
  const tokens = new Map<string, string>();
  for (const o of [...orgs.research, ...orgs.enterprises]) tokens.set(o.id, await login(o.email));
  const bearer = (orgId: string) => ({ authorization: `Bearer ${tokens.get(orgId)}` });

  // 6. The load.
  const titles = [...new Set(needTexts().map((n) => n.title))];
  const search = new SearchService(meili);
  const o = {
    api: base,
    meili: env.config.meiliHost,
    meiliKey: env.config.meiliMasterKey,
    seconds: SECONDS,
    warmupSeconds: WARMUP_SECONDS,
    concurrency: CONCURRENCY,
  };
  print(`\n${SEARCH_HEADER}`);
  const searchFigures: Record<string, SearchFigures> = {};
  for (const type of CASES.includes('search') ? (['result', 'need'] as const) : []) {
    const queries = searchQueries(titles, type === 'result' ? RESULTS : NEEDS);
    for (const filters of [false, true]) {
      for (const facets of [false, true]) {
        const c = await searchCase(search, { type, filters, facets }, queries);
        searchFigures[c.name] = await runSearchCase(c, o, print);
      }
    }
  }
  const reads: Record<string, { requests: { path: string; headers?: Record<string, string> }[]; note?: string }> = {
    needMatches: { requests: withMatches.map((n) => ({ path: `/api/needs/${n.id}/matches`, headers: bearer(n.org) })) },
    needsList: { requests: [{ path: '/api/needs?pageSize=20' }] },
    resultsList: { requests: [{ path: '/api/results?pageSize=20' }] },
    resultPage: { requests: resultIds.map((r) => ({ path: `/api/results/${r.id}` })) },
    inbox: { requests: [...tokens.keys()].map((org) => ({ path: '/api/notifications', headers: bearer(org) })) },
  };
  print(`\n${READ_HEADER}`);
  const readFigures: Record<string, ByConcurrency | null> = {};
  for (const [name, r] of CASES.includes('reads') ? Object.entries(reads) : []) {
    if (r.requests.length === 0) {
      print(`${name.padEnd(24)} skipped: nothing to request`);
      readFigures[name] = null;
      continue;
    }
    readFigures[name] = await runReadCase(name, r.requests, o, print);
  }

  const imports = { results: results.figures, needs: needs.figures, emails };
  const targets = reportTargets(RESULTS, searchFigures, readFigures, results.figures.toSearchableS, print);
  const out = {
    bench: 'http',
    results: RESULTS,
    needs: NEEDS,
    secondsEach: SECONDS,
    concurrency: CONCURRENCY,
    build,
    logLevel: LOG_LEVEL,
    apiProcesses,
    workerDuringLoad,
    records: { ...counts, queries: titles.length, source },
    import: imports,
    search: searchFigures,
    reads: readFigures,
    targets,
    machine: { cores: cpus().length, loadStart, loadEnd: machineLoad() },
    totalS: Math.round((Date.now() - started) / 1000),
  };
  failed = false;
  await cleanUp();
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch(async (err: unknown) => {
  // After Ctrl-C, what fails is the run being taken down under it.
  if (interrupted) return;
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  await cleanUp();
  process.exit(1);
});
