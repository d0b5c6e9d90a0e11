/**
 * Fixtures of the benches that run the product as its own processes (bench/import-pipeline.ts,
 * bench/stats.bench.ts, bench/http.bench.ts): the organizations and the texts they import, CSV
 * writing and uploading, and autocannon load runs with exact percentiles. The api and the worker
 * as child processes are in product-processes.ts.
 */
import autocannon from 'autocannon';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { INDUSTRY_FIELDS } from '@app/catalog';
import { loadDemoNeeds } from '@app/catalog/demo/demo-needs';
import { SHEETS } from '@app/catalog/io/sheets';
import { creditCodeCheckChar, ProvisioningService } from '@app/identity';
import { multipart } from '../test/catalog-sheets';

const ROOT = join(__dirname, '..');
const SHARED = join(ROOT, '..', 'shared', 'data');
export const REGIONS = [
  '荆门市',
  '东宝区',
  '掇刀区',
  '京山市',
  '钟祥市',
  '沙洋县',
  '天门市',
  '荆州区',
  '沙市区',
  '松滋市',
  '监利市',
  '洪湖市',
];
const SEPARATORS = /[；;、,，\n]/g;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
export const s2 = (ms: number): number => Math.round(ms / 10) / 100;

export interface ResultText {
  title: string;
  summary: string;
  keywords: string[];
}

export interface NeedText {
  title: string;
  description: string;
}

export function resultTexts(): { texts: ResultText[]; source: string } {
  const corpus = join(SHARED, 'results-corpus.jsonl');
  const clean = (k: string): string => k.replace(SEPARATORS, ' ').trim().slice(0, 20);
  if (existsSync(corpus)) {
    const texts = readFileSync(corpus, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { title: string | null; abstract: string; keywords: string[] })
      .map((r) => ({
        title: (r.title ?? r.abstract.slice(0, 30)).replace(/\s+/g, ' ').slice(0, 90),
        summary: r.abstract.slice(0, 5000),
        keywords: [...new Set(r.keywords.map(clean).filter(Boolean))].slice(0, 8),
      }));
    return { texts, source: '../shared/data/results-corpus.jsonl' };
  }
  const texts = readFileSync(join(ROOT, 'libs/catalog/src/demo/results-demo.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ResultText)
    .map((t) => ({ ...t, keywords: t.keywords.slice(0, 8).map(clean) }));
  return { texts, source: 'libs/catalog/src/demo/results-demo.jsonl' };
}

export function needTexts(): NeedText[] {
  const dev = join(SHARED, 'matching-dev', 'needs.jsonl');
  const fromDev = existsSync(dev)
    ? readFileSync(dev, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as NeedText)
    : [];
  return [...fromDev, ...loadDemoNeeds()].map((n) => ({
    title: n.title.slice(0, 90),
    description: (n.description || n.title).slice(0, 5000),
  }));
}

const csvCell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
export const csv = (header: string[], rows: (string | number | null)[][]): string =>
  `\ufeff${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`;

export const BENCH_PASSWORD = 'Bench-pass-1';

export interface BenchOrg {
  id: string;
  name: string;
  /** Its one user's e-mail (password BENCH_PASSWORD). */
  email: string;
}

/**
 * The bureau, 20 research organizations (universities and institutes) and 51 enterprises, each
 * verified with one user, as the product provisions them.
 */
export async function provisionBenchOrgs(
  provisioning: ProvisioningService,
): Promise<{ bureau: BenchOrg; research: BenchOrg[]; enterprises: BenchOrg[] }> {
  const create = async (
    name: string,
    kind: 'bureau' | 'university' | 'institute' | 'enterprise',
    region: string,
    email: string,
    creditCode?: string,
  ) => {
    const { organization } = await provisioning.createVerifiedOrganization({
      name,
      kind,
      region,
      creditCode,
      users: [{ email, password: BENCH_PASSWORD, name: kind === 'bureau' ? '科技局' : `${name}管理员` }],
    });
    return { id: organization.id, name, email };
  };
  const bureau = await create('基准科技局', 'bureau', '荆门市', 'bureau@bench.local');
  const research: BenchOrg[] = [];
  for (let i = 0; i < 20; i++) {
    research.push(await create(`基准研究院${i + 1}`, i % 2 ? 'university' : 'institute', REGIONS[i % REGIONS.length], `r${i}@bench.local`));
  }
  const enterprises: BenchOrg[] = [];
  for (let i = 0; i < 51; i++) {
    const body = `91420800MA4${String(100000 + i).slice(-6)}`;
    const name = `基准企业${i + 1}有限公司`;
    enterprises.push(await create(name, 'enterprise', REGIONS[i % REGIONS.length], `e${i}@bench.local`, body + creditCodeCheckChar(body)));
  }
  return { bureau, research, enterprises };
}

/** A needs sheet (CSV) of `count` published needs owned in turn by `owners` (organization names); titles repeat with a number. */
export function needsCsv(count: number, owners: string[]): string {
  const needs = needTexts();
  const deadline = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
  return csv(
    SHEETS.needs.columns.map((c) => c.header),
    Array.from({ length: count }, (_x, i) => {
      const n = needs[i % needs.length];
      return [
        i < needs.length ? n.title : `${n.title}（${i + 1}）`,
        n.description,
        '',
        INDUSTRY_FIELDS[i % INDUSTRY_FIELDS.length],
        (i % 9) + 1,
        100000,
        2000000,
        '技术转让；合作开发',
        deadline,
        REGIONS[i % REGIONS.length],
        '张工',
        '0724-6600000',
        '',
        owners[i % owners.length],
        '',
        '已发布',
        '',
      ];
    }),
  );
}

/** A results sheet (CSV) of `count` published results owned in turn by `owners`, from resultTexts(); titles repeat with a number. */
export function resultsCsv(count: number, owners: string[]): { csv: string; source: string } {
  const { texts, source } = resultTexts();
  const content = csv(
    SHEETS.results.columns.map((c) => c.header),
    Array.from({ length: count }, (_x, i) => {
      const t = texts[i % texts.length];
      return [
        i < texts.length ? t.title : `${t.title}（${i + 1}）`,
        t.summary,
        t.keywords.join('；'),
        INDUSTRY_FIELDS[i % INDUSTRY_FIELDS.length],
        (i % 9) + 1,
        '',
        '技术转让；技术许可',
        i % 4 ? (i % 500) * 1000 : '面议',
        '李教授',
        REGIONS[i % REGIONS.length],
        '王老师',
        '0724-6600000',
        '',
        owners[i % owners.length],
        '',
        '已发布',
        '',
      ];
    }),
  );
  return { csv: content, source };
}

export interface ImportAnswer {
  importId: string;
  imported: number;
  problemCount: number;
}

/**
 * Uploads a sheet to a running api's import (`POST /api/<list>/import`, multipart, as `token`)
 * over `node:http` (no client timeout: a large import answers when it is in PostgreSQL); fails on
 * any answer but 200 without problems.
 */
export function uploadSheet(
  base: string,
  token: string,
  list: 'needs' | 'results' | 'adoptions',
  content: Buffer | string,
): Promise<ImportAnswer> {
  const { payload, contentType } = multipart(`${list}.csv`, content, 'text/csv');
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}/api/${list}/import`,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'content-length': payload.length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let report: ImportAnswer | null = null;
          try {
            report = JSON.parse(text) as ImportAnswer;
          } catch {
            // not JSON: reported below
          }
          if (res.statusCode !== 200 || !report || report.problemCount)
            reject(new Error(`${list} import: ${res.statusCode} ${text.slice(0, 600)}`));
          else resolve(report);
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Nearest-rank percentile of ascending values. */
export const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
export const r1 = (n: number): number => Math.round(n * 10) / 10;

/** One request of a load run: a path (GET), or a method, path, headers and body. */
export interface LoadRequest {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadFigures {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  /** Responses received. */
  requests: number;
  /** Non-2xx answers plus failed requests (timeouts, resets). */
  errors: number;
  /** The non-2xx status codes seen, and how often. */
  statuses: Record<string, number>;
}

/**
 * One autocannon run from this process against `url`: `connections` at once for `seconds`, each
 * request the next of `requests` in turn. Every response's time is kept for exact percentiles
 * (autocannon's summary has p90 and p97.5, no p95).
 */
export async function cannon(
  url: string,
  requests: LoadRequest[],
  o: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadFigures> {
  let i = 0;
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(
      {
        url,
        connections: o.connections,
        duration: o.seconds,
        headers: o.headers,
        requests: [
          {
            setupRequest: (req) => {
              const next = requests[i++ % requests.length];
              return {
                ...req,
                method: next.method ?? 'GET',
                path: next.path,
                headers: { ...req.headers, ...next.headers },
                body: next.body,
              };
            },
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    run.on('response', (_c, status: number, _b, ms: number) => {
      times.push(ms);
      if (status < 200 || status > 299) statuses[status] = (statuses[status] ?? 0) + 1;
    });
  });
  times.sort((a, b) => a - b);
  return {
    p50: r1(pct(times, 50)),
    p95: r1(pct(times, 95)),
    p99: r1(pct(times, 99)),
    rps: Math.round(result.requests.average),
    requests: times.length,
    errors: result.errors + result.non2xx,
    statuses,
  };
}
