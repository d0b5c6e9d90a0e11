/**
 * The load half of `npm run bench:http` (bench/http.bench.ts): what each case requests, and how a
 * case is run and shown.
 *
 * A search case is `GET /api/search` with a different need title as the query each request, with
 * or without filters (field, region, a TRL range) and facets. Beside it, at the same concurrency
 * over the same queries: Meilisearch sent the very request the api sends (the query string turned
 * into its DTO by the api's own ValidationPipe, then `SearchService.request`), and a plain
 * `{q, limit: 20}` on the same index. A read case is a list of api requests taken in turn.
 */
import { ValidationPipe } from '@nestjs/common';
import { loadavg } from 'node:os';
import { INDUSTRY_FIELDS } from '@app/catalog';
import { FACETS, SearchQueryDto, SearchService } from '@app/matching';
import { cannon, LoadFigures, LoadRequest, REGIONS } from './import-fixtures';

/** Figures of one target at each concurrency (`c1`, `c16`), with the machine's 1-minute load when it started. */
export type ByConcurrency = Record<string, LoadFigures & { load1: number }>;

export interface SearchCase {
  name: string;
  /** The api's requests; null when its query string cannot ask for this (e.g. no facets). */
  api: LoadRequest[] | null;
  /** Meilisearch sent what the api sends, and a plain query, over the same queries. */
  meili: LoadRequest[];
  plain: LoadRequest[];
  note?: string;
}

export interface SearchFigures {
  api: ByConcurrency | null;
  meili: ByConcurrency;
  plain: ByConcurrency;
  /** Of the first queries, how many got the same hits, in the same order, from the api and from Meilisearch. */
  sameHits: string;
  /** The api's query string of the first query. */
  apiQuery: string | null;
  note?: string;
}

export interface LoadOptions {
  api: string;
  meili: string;
  meiliKey: string;
  seconds: number;
  warmupSeconds: number;
  concurrency: number[];
}

export interface SearchQuery {
  text: string;
  field: string;
  region: string;
  trlMin: number;
  trlMax: number;
}

/**
 * One query per title, each with the filters of a row that exists: the field, region and TRL that
 * needsCsv / resultsCsv give row `j` (a TRL range of ±2 around it).
 */
export function searchQueries(titles: string[], rows: number): SearchQuery[] {
  return titles.map((text, k) => {
    const j = (k * 7919) % rows;
    const trl = (j % 9) + 1;
    return {
      text,
      field: INDUSTRY_FIELDS[j % INDUSTRY_FIELDS.length],
      region: REGIONS[j % REGIONS.length],
      trlMin: Math.max(1, trl - 2),
      trlMax: Math.min(9, trl + 2),
    };
  });
}

const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });
/** The DTO the api makes of a query string. */
const dtoOf = (qs: string): Promise<SearchQueryDto> =>
  pipe.transform(Object.fromEntries(new URLSearchParams(qs)), { type: 'query', metatype: SearchQueryDto }) as Promise<SearchQueryDto>;

const asksFacets = (body: unknown): boolean => {
  const b = body as { facets?: unknown[]; federation?: { facetsByIndex?: Record<string, unknown[] | null> } };
  return Boolean(b.facets?.length) || Object.values(b.federation?.facetsByIndex ?? {}).some((f) => Boolean(f?.length));
};

const JSON_TYPE = { 'content-type': 'application/json' };

/** A search case over `queries` (see the file's comment); its name: `results`, `needs+filters`, `results+filters+facets`… */
export async function searchCase(
  search: SearchService,
  v: { type: 'result' | 'need'; filters: boolean; facets: boolean },
  queries: SearchQuery[],
): Promise<SearchCase> {
  const e = encodeURIComponent;
  const name = `${v.type}s${v.filters ? '+filters' : ''}${v.facets ? '+facets' : ''}`;
  const base = (q: SearchQuery) =>
    `type=${v.type}&q=${e(q.text)}&pageSize=20` +
    (v.filters ? `&field=${e(q.field)}&region=${e(q.region)}&trlMin=${q.trlMin}&trlMax=${q.trlMax}` : '');
  // With facets: the five the search page shows. Without: the first query string the api reads as none.
  let suffix: string | null = `&facets=${FACETS.join(',')}`;
  if (!v.facets) {
    suffix = null;
    for (const candidate of ['', '&facets=']) {
      const dto = await dtoOf(base(queries[0]) + candidate).catch(() => null);
      if (dto && !asksFacets(search.request(dto).body)) {
        suffix = candidate;
        break;
      }
    }
  }
  const api: LoadRequest[] = [];
  const meili: LoadRequest[] = [];
  const plain: LoadRequest[] = [];
  for (const q of queries) {
    const dto = await dtoOf(base(q) + (suffix ?? ''));
    if (suffix === null) dto.facets = [];
    const req = search.request(dto);
    if (suffix !== null) api.push({ path: `/api/search?${base(q)}${suffix}` });
    meili.push({ method: 'POST', path: req.path, headers: JSON_TYPE, body: JSON.stringify(req.body) });
    plain.push({ method: 'POST', path: `/indexes/${req.uid}/search`, headers: JSON_TYPE, body: JSON.stringify({ q: q.text, limit: 20 }) });
  }
  return {
    name,
    api: suffix === null ? null : api,
    meili,
    plain,
    ...(suffix === null
      ? { note: 'the api has no query string for a search without facets; Meilisearch is sent the request with facets: []' }
      : {}),
  };
}

async function hitIds(url: string, init?: RequestInit): Promise<string[]> {
  const res = await fetch(url, init);
  const body = (await res.json()) as { items?: { id: string }[]; hits?: { id: string }[] };
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return (body.items ?? body.hits ?? []).map((h) => h.id);
}

/** Whether the api and Meilisearch, sent the same query, answer the same records in the same order (first `n` queries). */
async function sameHits(c: SearchCase, o: LoadOptions, n = 3): Promise<string> {
  if (!c.api) return 'n/a';
  let same = 0;
  for (let i = 0; i < n; i++) {
    const r = c.meili[i % c.meili.length];
    const [api, raw] = await Promise.all([
      hitIds(`${o.api}${c.api[i % c.api.length].path}`),
      hitIds(`${o.meili}${r.path}`, { method: 'POST', headers: { ...r.headers, authorization: `Bearer ${o.meiliKey}` }, body: r.body }),
    ]);
    if (api.join() === raw.join()) same++;
  }
  return `${same}/${n}`;
}

const load1 = (): number => Math.round(loadavg()[0] * 100) / 100;
const pad = (v: number | string, n: number): string => String(v).padStart(n);

/** `p50 / p95 / p99 ms  req/s  errors` of one run. */
export const figuresText = (f: LoadFigures | undefined): string =>
  f
    ? `${pad(f.p50, 6)} /${pad(f.p95, 6)} /${pad(f.p99, 6)} ms ${pad(f.rps, 6)}/s${f.errors ? ` ${f.errors} err ${JSON.stringify(f.statuses)}` : ''}`
    : pad('—', 43);

export const SEARCH_HEADER = `${'search case'.padEnd(24)} ${'c'.padStart(3)}  ${'api p50 / p95 / p99, req/s'.padEnd(43)} │ ${'Meilisearch, same request'.padEnd(43)} │ ${'Meilisearch, plain {q, limit}'.padEnd(43)} │ load`;
export const READ_HEADER = `${'read case'.padEnd(24)} ${'c'.padStart(3)}  ${'api p50 / p95 / p99, req/s'.padEnd(43)} │ load`;

export const searchRow = (name: string, c: number, f: SearchFigures): string =>
  `${name.padEnd(24)} ${pad(c, 3)}  ${figuresText(f.api?.[`c${c}`])} │ ${figuresText(f.meili[`c${c}`])} │ ${figuresText(f.plain[`c${c}`])} │ ${f.meili[`c${c}`].load1}`;
export const readRow = (name: string, c: number, f: ByConcurrency): string =>
  `${name.padEnd(24)} ${pad(c, 3)}  ${figuresText(f[`c${c}`])} │ ${f[`c${c}`].load1}`;

async function measure(url: string, requests: LoadRequest[], connections: number, o: LoadOptions, headers?: Record<string, string>) {
  const load = load1();
  return { ...(await cannon(url, requests, { connections, seconds: o.seconds, headers })), load1: load };
}

async function warmUp(url: string, requests: LoadRequest[], o: LoadOptions, headers?: Record<string, string>): Promise<void> {
  if (o.warmupSeconds > 0) await cannon(url, requests, { connections: Math.max(...o.concurrency), seconds: o.warmupSeconds, headers });
}

/** A search case: at each concurrency, the api, then Meilisearch sent the same, then the plain query, back to back. */
export async function runSearchCase(c: SearchCase, o: LoadOptions, print: (line: string) => void): Promise<SearchFigures> {
  const auth = { authorization: `Bearer ${o.meiliKey}` };
  const figures: SearchFigures = {
    api: c.api ? {} : null,
    meili: {},
    plain: {},
    sameHits: await sameHits(c, o),
    apiQuery: c.api ? c.api[0].path : null,
    ...(c.note ? { note: c.note } : {}),
  };
  if (c.api) await warmUp(o.api, c.api, o);
  await warmUp(o.meili, c.meili, o, auth);
  await warmUp(o.meili, c.plain, o, auth);
  for (const n of o.concurrency) {
    if (c.api && figures.api) figures.api[`c${n}`] = await measure(o.api, c.api, n, o);
    figures.meili[`c${n}`] = await measure(o.meili, c.meili, n, o, auth);
    figures.plain[`c${n}`] = await measure(o.meili, c.plain, n, o, auth);
    print(searchRow(c.name, n, figures));
  }
  return figures;
}

/** A read case: the api's requests in turn, at each concurrency. */
export async function runReadCase(
  name: string,
  requests: LoadRequest[],
  o: LoadOptions,
  print: (line: string) => void,
): Promise<ByConcurrency> {
  const figures: ByConcurrency = {};
  await warmUp(o.api, requests, o);
  for (const n of o.concurrency) {
    figures[`c${n}`] = await measure(o.api, requests, n, o);
    print(readRow(name, n, figures));
  }
  return figures;
}
