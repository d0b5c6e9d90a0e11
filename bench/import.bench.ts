/**
 * Import and list benchmark (npm run bench:import), two phases, each on its own schema and
 * prefixes (removed at the end); last line: one JSON object.
 *
 * - `list`: imports 100,000 results from a CSV file into PostgreSQL through the catalog's import
 *   service (streaming parse, 1,000-row unnest inserts, one transaction), reporting time and peak
 *   memory; then imports 100,000 needs and measures listing published needs with filters through
 *   the HTTP stack (p50/p95). No worker runs: this is the PostgreSQL side only.
 * - `pipeline` (bench/import-pipeline.ts): the same kind of import as people meet it, with the
 *   real worker as its own process: upload → PostgreSQL → searchable → matched and summarized,
 *   the notifications it sends, and a need approved on its own meanwhile.
 *
 * BENCH_PHASES=list,pipeline (default both); BENCH_ROWS (list, 100,000); BENCH_PIPELINE_ROWS
 * (results, default 15,245: the import of issue 15), BENCH_PIPELINE_NEEDS (default 500) and
 * BENCH_PIPELINE_UNTIL=searchable to stop once the results are searchable.
 */
import 'reflect-metadata';
import { createReadStream, createWriteStream, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { ImportService, INDUSTRY_FIELDS } from '@app/catalog';
import { loadDemoNeeds } from '@app/catalog/demo/demo-needs';
import { SHEETS } from '@app/catalog/io/sheets';
import type { AuthUser } from '@app/core';
import { creditCodeCheckChar, ProvisioningService } from '@app/identity';
import { createApiApp } from '../apps/api/src/bootstrap';
import { createTestEnv } from '../test/support/test-env';
import { REGIONS } from './import-fixtures';
import { PipelineFigures, runPipelineBench } from './import-pipeline';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const LIST_REQUESTS = Number(process.env.BENCH_LIST_REQUESTS ?? 400);
const PHASES = (process.env.BENCH_PHASES ?? 'list,pipeline').split(',');
const PIPELINE_ROWS = Number(process.env.BENCH_PIPELINE_ROWS ?? 15_245);
const PIPELINE_NEEDS = Number(process.env.BENCH_PIPELINE_NEEDS ?? 500);
const PIPELINE_UNTIL = process.env.BENCH_PIPELINE_UNTIL === 'searchable' ? 'searchable' : 'matched';

const log = (msg: string): void => void process.stderr.write(`[bench] ${msg}\n`);

class PeakMemory {
  peak = process.memoryUsage().rss;
  private readonly timer = setInterval(() => this.sample(), 25);
  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return Math.round(this.peak / 1024 / 1024);
  }
}

function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function writeCsv(path: string, header: string[], row: (i: number) => (string | number | null)[]): Promise<number> {
  const out = createWriteStream(path);
  const write = (line: string) => (out.write(line) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(`\ufeff${header.join(',')}\n`);
  for (let i = 0; i < ROWS; i++) await write(`${row(i).map(csvCell).join(',')}\n`);
  await new Promise<void>((r) => out.end(() => r()));
  return readFileSync(path).length;
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 100) / 100;
};

async function main(): Promise<void> {
  const list = PHASES.includes('list') ? await listPhase() : null;
  const pipeline: PipelineFigures | null = PHASES.includes('pipeline')
    ? await runPipelineBench({ results: PIPELINE_ROWS, needs: PIPELINE_NEEDS, until: PIPELINE_UNTIL }, log)
    : null;
  console.log(JSON.stringify({ bench: 'import', ...list, pipeline }));
}

async function listPhase(): Promise<Record<string, unknown>> {
  const env = await createTestEnv({ LOG_LEVEL: 'silent' });
  const app: NestFastifyApplication = await createApiApp(env.config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const files: string[] = [];
  try {
    const provisioning = app.get(ProvisioningService);
    const user = (id: string, orgId: string): AuthUser => ({
      userId: id,
      organizationId: orgId,
      organizationKind: 'bureau',
      organizationStatus: 'verified',
      role: 'admin',
      isExpert: false,
      email: 'b@bench',
      name: 'bench',
    });
    const b = await provisioning.createVerifiedOrganization({
      name: '基准科技局',
      kind: 'bureau',
      region: '荆门市',
      users: [{ email: 'bureau@bench.local', password: 'Bench-pass-1', name: '科技局' }],
    });
    const bureau = user(b.users[0].id, b.organization.id);
    const research: string[] = [];
    const enterprises: string[] = [];
    for (let i = 0; i < 20; i++) {
      const name = `基准研究院${i + 1}`;
      await provisioning.createVerifiedOrganization({
        name,
        kind: i % 2 ? 'university' : 'institute',
        region: REGIONS[i % REGIONS.length],
        users: [],
      });
      research.push(name);
    }
    for (let i = 0; i < 50; i++) {
      const name = `基准企业${i + 1}有限公司`;
      const body = `91420800MA4${String(100000 + i).slice(-6)}`;
      await provisioning.createVerifiedOrganization({
        name,
        kind: 'enterprise',
        region: REGIONS[i % REGIONS.length],
        creditCode: body + creditCodeCheckChar(body),
        users: [],
      });
      enterprises.push(name);
    }

    // 100,000 results from the demo texts (CSL / ChinaXiv, see libs/catalog/src/demo/ATTRIBUTION.md), each row distinct.
    const texts = readFileSync(join(__dirname, '../libs/catalog/src/demo/results-demo.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { title: string; summary: string; keywords: string[]; field: string });
    const resultsCsv = join(tmpdir(), `bench-results-${env.runId}.csv`);
    files.push(resultsCsv);
    const resultHeader = SHEETS.results.columns.map((c) => c.header);
    const resultBytes = await writeCsv(resultsCsv, resultHeader, (i) => {
      const t = texts[i % texts.length];
      return [
        `${t.title}（${i + 1}）`,
        t.summary,
        // Keywords as the template allows them (a demo keyword may be longer than 20 characters).
        t.keywords
          .map((k) => k.replace(/[；;、,，\n]/g, ' ').slice(0, 20))
          .slice(0, 8)
          .join('；'),
        t.field,
        (i % 9) + 1,
        i % 3 ? 'CN116123456A' : '',
        '技术转让；技术许可',
        i % 4 ? (i % 500) * 1000 : '面议',
        '李教授',
        REGIONS[i % REGIONS.length],
        '王老师',
        '0724-6600000',
        '',
        research[i % research.length],
        '',
        '已发布',
        '',
      ];
    });
    log(`results CSV: ${ROWS} rows, ${(resultBytes / 1024 / 1024).toFixed(1)} MB`);

    global.gc?.();
    const baselineRssMB = Math.round(process.memoryUsage().rss / 1024 / 1024);
    const importer = app.get(ImportService);
    const upload = (path: string) => ({ filename: 'bench.csv', mimetype: 'text/csv', file: createReadStream(path) });
    global.gc?.();
    let mem = new PeakMemory();
    let t0 = performance.now();
    const dry = await importer.importSheet('results', upload(resultsCsv), true, bureau);
    const dryRunS = (performance.now() - t0) / 1000;
    const dryPeak = mem.stop();
    if (dry.problemCount) throw new Error(`dry run found problems: ${JSON.stringify(dry.problems.slice(0, 3))}`);
    log(`results dry run: ${dryRunS.toFixed(2)} s, peak rss ${dryPeak} MB`);

    global.gc?.();
    mem = new PeakMemory();
    t0 = performance.now();
    const real = await importer.importSheet('results', upload(resultsCsv), false, bureau);
    const importS = (performance.now() - t0) / 1000;
    const importPeak = mem.stop();
    log(
      `results import: ${real.imported} rows in ${importS.toFixed(2)} s (${Math.round(real.imported / importS)} rows/s), peak rss ${importPeak} MB`,
    );

    // 100,000 needs for the list measurement.
    const needsCsv = join(tmpdir(), `bench-needs-${env.runId}.csv`);
    files.push(needsCsv);
    const demoNeeds = loadDemoNeeds();
    const deadline = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    await writeCsv(
      needsCsv,
      SHEETS.needs.columns.map((c) => c.header),
      (i) => {
        const d = demoNeeds[i % demoNeeds.length];
        const field = i % 5 === 0 ? d.field : INDUSTRY_FIELDS[i % INDUSTRY_FIELDS.length];
        return [
          `${d.title}（${i + 1}）`,
          d.description,
          d.keywords.join('；'),
          field,
          (i % 9) + 1,
          100000,
          100000 + (i % 100) * 10000,
          d.modes.join('；'),
          deadline,
          REGIONS[(i * 7) % REGIONS.length],
          '张工',
          '0724-6600000',
          '',
          enterprises[i % enterprises.length],
          '',
          i % 10 === 9 ? '草稿' : '已发布',
          '',
        ];
      },
    );
    t0 = performance.now();
    const needs = await importer.importSheet('needs', upload(needsCsv), false, bureau);
    const needsImportS = (performance.now() - t0) / 1000;
    log(`needs import: ${needs.imported} rows in ${needsImportS.toFixed(2)} s`);
    await app.get(DataSource).query('VACUUM ANALYZE need');

    const queries = [
      (i: number) => `field=${encodeURIComponent(INDUSTRY_FIELDS[i % INDUSTRY_FIELDS.length])}`,
      (i: number) =>
        `field=${encodeURIComponent(INDUSTRY_FIELDS[i % INDUSTRY_FIELDS.length])}&region=${encodeURIComponent(REGIONS[i % REGIONS.length])}`,
      (i: number) => `field=${encodeURIComponent(INDUSTRY_FIELDS[i % INDUSTRY_FIELDS.length])}&trlMin=5&trlMax=8&sort=publishedAt`,
      (i: number) => `region=${encodeURIComponent(REGIONS[i % REGIONS.length])}&trlMin=${(i % 5) + 1}`,
      (i: number) => `field=${encodeURIComponent(INDUSTRY_FIELDS[i % INDUSTRY_FIELDS.length])}&page=${(i % 10) + 1}&pageSize=20`,
      () => ``,
    ];
    const timeList = async (n: number): Promise<{ all: number[]; byQuery: number[][] }> => {
      const all: number[] = [];
      const byQuery: number[][] = queries.map(() => []);
      for (let i = 0; i < n; i++) {
        const q = i % queries.length;
        const url = `/api/needs?${queries[q](Math.floor(i / queries.length))}`;
        const s = performance.now();
        const res = await app.inject({ method: 'GET', url });
        const ms = performance.now() - s;
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
        all.push(ms);
        byQuery[q].push(ms);
      }
      return { all, byQuery };
    };
    await timeList(60);
    const list = await timeList(LIST_REQUESTS);
    const published = await app.get(DataSource).query(`SELECT count(*)::int AS n FROM need WHERE status = 'published'`);
    const perQuery = Object.fromEntries(
      queries.map((q, i) => [
        q(0).replace(/=[^&]*/g, '') || '(none)',
        { p50Ms: pct(list.byQuery[i], 50), p95Ms: pct(list.byQuery[i], 95) },
      ]),
    );
    log(
      `list published needs (${published[0].n} of ${needs.imported}): p50 ${pct(list.all, 50)} ms, p95 ${pct(list.all, 95)} ms over ${LIST_REQUESTS} requests`,
    );

    return {
      rows: ROWS,
      baselineRssMB,
      csvMB: Math.round((resultBytes / 1024 / 1024) * 10) / 10,
      resultsImportS: Math.round(importS * 100) / 100,
      resultsRowsPerS: Math.round(real.imported / importS),
      resultsImportPeakRssMB: importPeak,
      resultsDryRunS: Math.round(dryRunS * 100) / 100,
      resultsDryRunPeakRssMB: dryPeak,
      needsImportS: Math.round(needsImportS * 100) / 100,
      list: { publishedNeeds: published[0].n, requests: LIST_REQUESTS, p50Ms: pct(list.all, 50), p95Ms: pct(list.all, 95), perQuery },
    };
  } finally {
    for (const f of files) rmSync(f, { force: true });
    await app.close();
    await env.cleanup();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
