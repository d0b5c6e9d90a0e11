/**
 * What each part of the search box's Meilisearch request costs, and what it does to ranking.
 *
 * Loads ../shared/data/results-corpus.jsonl into a fresh index with the product's documents and
 * settings, then sends, over one keep-alive `node:http` connection, one request per query for each
 * request shape: the product's own (SearchService.request), and the same with one part taken away
 * at a time, beside a plain `{q, limit}` query. Queries: the 595 real need titles of
 * needs-real.jsonl. Ranking: nDCG@10 of each shape with the 45 judged needs' titles as queries
 * (matching-dev), split by the fixed halves.
 *
 *   npx tsx scripts/search-request-shapes.ts
 *
 * Prints a table and, last, one JSON line. Deletes its index at the end.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { plainToInstance } from 'class-transformer';
import {
  buildSearchDocument,
  createMeiliClient,
  replaceTerm,
  searchIndexSettings,
  SynonymDictionary,
} from '../libs/matching/src/relevance';
import { SearchService } from '../libs/matching/src/search/search.service';
import type { MeiliService } from '../libs/matching/src/search/meili.service';
import { FACETS, SearchQueryDto } from '../libs/matching/src/dto/search.dto';
import { DATA_DIR, judged, loadMatchingDev, ndcgAt10, readJsonl, splitHalves } from './matching-dev';

const HOST = new URL(process.env.MEILI_HOST ?? 'http://127.0.0.1:7700');
const KEY = process.env.MEILI_MASTER_KEY ?? 'dev-master-key-change-me-0123456789';
const FIELDS = ['新材料', '电子信息', '生物医药', '先进制造', '新能源', '节能环保', '现代农业', '化工'];
const REGIONS = ['荆门市', '东宝区', '掇刀区', '京山市', '沙洋县', '钟祥市', '武汉市', '宜昌市'];

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function post(pathname: string, body: unknown): Promise<{ ms: number; json: any }> {
  const data = Buffer.from(JSON.stringify(body));
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: HOST.hostname,
        port: HOST.port,
        method: 'POST',
        path: pathname,
        headers: { 'content-type': 'application/json', 'content-length': data.length, authorization: `Bearer ${KEY}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((res.statusCode ?? 500) >= 300) return reject(new Error(`${res.statusCode} ${text.slice(0, 300)}`));
          resolve({ ms: performance.now() - start, json: JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

type Body = Record<string, any>;
interface Shape {
  name: string;
  build: (q: string) => { path: string; body: Body };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const corpusFile = path.join(DATA_DIR, 'results-corpus.jsonl');
  if (!fs.existsSync(corpusFile)) {
    console.log(`No corpus at ${corpusFile}; nothing to measure.`);
    return;
  }
  const { records, needs, qrels } = loadMatchingDev();
  const titles = readJsonl<{ title: string }>(path.join(DATA_DIR, 'needs-real.jsonl')).map((n) => n.title.slice(0, 200));
  const uid = `shapes_${process.pid}_${Date.now()}_results`;
  const client = createMeiliClient({ host: HOST.origin, apiKey: KEY });
  const dictionary = SynonymDictionary.default();
  const search = new SearchService({ uid: () => uid } as unknown as MeiliService);
  const toMeiliId = (id: string): string => id.replace(/\./g, '_dot_');
  const fromMeiliId = (id: string): string => id.replace(/_dot_/g, '.');

  try {
    const docs = records.map((r, i) => {
      const { document } = buildSearchDocument({
        id: toMeiliId(r.id),
        title: r.title,
        keywords: r.keywords,
        body: r.abstract,
        extra: {
          kind: 'result',
          status: 'published',
          field: FIELDS[i % FIELDS.length],
          region: REGIONS[i % REGIONS.length],
          city: REGIONS[i % REGIONS.length],
          trl: 1 + (i % 9),
          orgKind: i % 3 === 0 ? 'institute' : 'university',
          organizationId: `org-${i % 40}`,
          organizationName: `单位${i % 40}`,
          cooperationModes: ['license'],
          priceFen: (i % 100) * 100_000,
          priceNegotiable: false,
          budgetMinFen: null,
          budgetMaxFen: null,
          publishedAt: 1_700_000_000_000 + i * 60_000,
        },
      });
      return document;
    });
    await client.createIndex(uid, { primaryKey: 'id' }).waitTask();
    await client.index(uid).updateSettings(searchIndexSettings()).waitTask({ timeout: 120_000 });
    const t0 = performance.now();
    const tasks = [];
    for (let i = 0; i < docs.length; i += 5000) tasks.push(await client.index(uid).addDocuments(docs.slice(i, i + 5000)));
    for (const t of tasks) {
      const done = await client.tasks.waitForTask(t.taskUid, { timeout: 900_000, interval: 200 });
      if (done.status !== 'succeeded') throw new Error(JSON.stringify(done.error));
    }
    console.log(`indexed ${docs.length} records in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const dto = (q: string, extra: Partial<SearchQueryDto> = {}): SearchQueryDto =>
      plainToInstance(SearchQueryDto, { type: 'result', q, page: 1, pageSize: 20, ...extra });
    /** The product's request, with `edit` applied to each query body (single or federated). */
    const product =
      (edit: (b: Body, federated: boolean) => void = () => undefined, extra: Partial<SearchQueryDto> = {}) =>
      (q: string) => {
        const req = search.request(dto(q, extra));
        const body = structuredClone(req.body) as Body;
        if (req.federated) for (const sub of body.queries) edit(sub, true);
        else edit(body, false);
        return { path: req.path, body };
      };
    const noExact = (b: Body): void => {
      if ('page' in b) {
        b.offset = (b.page - 1) * b.hitsPerPage;
        b.limit = b.hitsPerPage;
        delete b.page;
        delete b.hitsPerPage;
      }
    };
    const noFacets = (r: { path: string; body: Body }): { path: string; body: Body } => {
      if (r.body.federation) delete r.body.federation.facetsByIndex;
      delete r.body.facets;
      return r;
    };
    /** Today's request without facets, keeping the user's query and at most `k` rewrites. */
    const rewrites =
      (k: number, edit: (sub: Body, i: number) => void = () => undefined) =>
      (q: string) => {
        const r = noFacets(product(noExact)(q));
        if (r.body.queries) {
          r.body.queries = r.body.queries.slice(0, 1 + k);
          r.body.queries.forEach(edit);
        }
        return r;
      };
    /** One rewrite that replaces every listed term of the query by its first synonym at once. */
    const combined = (q: string) => {
      const r = rewrites(1)(q);
      if (!r.body.queries) return r;
      let text = r.body.queries[0].q as string;
      const seen = new Set<number>();
      for (const e of dictionary.expand(text).sort((x, y) => y.trigger.length - x.trigger.length)) {
        if (seen.has(e.group) || !text.includes(e.trigger)) continue;
        seen.add(e.group);
        text = replaceTerm(text, e.trigger, e.term);
      }
      r.body.queries[1].q = text;
      return r;
    };
    const shapes: Shape[] = [
      { name: 'plain {q, limit 20}', build: (q) => ({ path: `/indexes/${uid}/search`, body: { q, limit: 20 } }) },
      { name: 'product (today, 5 facets)', build: product(() => undefined, { facets: [...FACETS] }) },
      { name: 'today − facets', build: (q) => noFacets(product()(q)) },
      { name: '− facets − exact totals', build: rewrites(3) },
      {
        name: '− facets − exact, bare rewrites',
        build: rewrites(3, (sub, i) => {
          if (i === 0) return;
          delete sub.attributesToHighlight;
          delete sub.attributesToCrop;
          delete sub.cropLength;
        }),
      },
      { name: '− facets − exact, ≤ 2 rewrites', build: rewrites(2) },
      { name: '− facets − exact, ≤ 1 rewrite', build: rewrites(1) },
      { name: '− facets − exact, 1 combined', build: combined },
      { name: 'single query − facets − exact', build: rewrites(0) },
    ];

    // Warm up.
    for (const q of titles.slice(0, 30)) await post(`/indexes/${uid}/search`, { q, limit: 20 });

    const halves = splitHalves(needs);
    // Timing interleaved: each query goes through every shape in turn (rotating the order), so a
    // busy machine slows every shape alike.
    const times = shapes.map(() => [] as number[]);
    for (const [qi, q] of titles.entries()) {
      for (let k = 0; k < shapes.length; k++) {
        const s = (k + qi) % shapes.length;
        const r = shapes[s].build(q);
        times[s].push((await post(r.path, r.body)).ms);
      }
    }
    const rows: Record<string, unknown>[] = [];
    console.log(
      `\n${'shape'.padEnd(34)} p50 ms  p95 ms  nDCG@10 A / B / all   (queries: ${titles.length} need titles; ranking: 45 judged titles)`,
    );
    for (const [s, shape] of shapes.entries()) {
      const sorted = times[s].sort((a, b) => a - b);
      const score = { A: [] as number[], B: [] as number[] };
      for (const need of needs) {
        if (!judged(qrels, need.qid)) continue;
        const r = shape.build(need.title);
        const { json } = await post(r.path, r.body);
        const ids = (json.hits as { id: string }[]).slice(0, 10).map((h) => fromMeiliId(h.id));
        score[halves.get(need.qid) ?? 'A'].push(ndcgAt10(ids, qrels.get(need.qid) ?? new Map()));
      }
      const mean = (xs: number[]): number => xs.reduce((sum, x) => sum + x, 0) / Math.max(1, xs.length);
      const row = {
        shape: shape.name,
        p50_ms: +percentile(sorted, 50).toFixed(2),
        p95_ms: +percentile(sorted, 95).toFixed(2),
        ndcg_A: +mean(score.A).toFixed(3),
        ndcg_B: +mean(score.B).toFixed(3),
        ndcg_all: +mean([...score.A, ...score.B]).toFixed(3),
      };
      rows.push(row);
      console.log(
        `${shape.name.padEnd(34)} ${row.p50_ms.toFixed(2).padStart(6)}  ${row.p95_ms.toFixed(2).padStart(6)}  ${row.ndcg_A.toFixed(3)} / ${row.ndcg_B.toFixed(3)} / ${row.ndcg_all.toFixed(3)}`,
      );
    }
    const synonymShare = titles.filter((q) => search.request(dto(q)).federated).length / titles.length;
    console.log(`\nqueries holding a listed synonym term (sent federated today): ${(synonymShare * 100).toFixed(0)} %`);
    console.log(JSON.stringify({ bench: 'search-request-shapes', records: docs.length, queries: titles.length, synonymShare, rows }));
  } finally {
    await client
      .deleteIndex(uid)
      .waitTask()
      .catch(() => undefined);
    client.closeConnections();
    agent.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
