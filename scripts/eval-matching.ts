/**
 * Relevance evaluation of the matcher (`npm run eval:matching`).
 *
 * Loads ../shared/data/results-corpus.jsonl into a fresh Meilisearch index (unique name), then
 * scores on ../shared/data/matching-dev (46 needs judged by hand), split with a fixed seed into two
 * halves stratified by need type: half A is the one to tune on, half B is held out (a change is kept
 * only if B improves too). Each system is reported on both halves and their difference:
 *   (a) the product matcher (RelevanceMatcher: one federated multi-search + in-process re-scoring),
 *   (b) a plain PostgreSQL baseline (throwaway schema; pg_trgm word similarity of the need title
 *       against title + abstract, or, without pg_trgm, the count of the title's bigrams found by ILIKE),
 *   (c) the need's text pasted into one Meilisearch query (plain text fields, default strategy).
 * Metrics over needs with at least one record graded > 0: nDCG@10 (gain 2^grade − 1, ideal from all
 * judged grades), Recall@10 (relevant in top 10 / min(10, #relevant)), MRR; overall and per type.
 *
 * A second query set is built from the corpus itself: 100 CSL records with ≥ 3 keywords drawn with
 * a fixed seed; each query is an enterprise-style request made from two of the record's keywords
 * (e.g. "寻求X与Y相关技术"); grade 2 = the record itself, grade 1 = another record of the same
 * discipline sharing ≥ 2 keywords with it. It checks the machinery on queries nobody tuned on.
 *
 * Prints a table and, last, one JSON line. Deletes its index and schema at the end.
 * Env: MEILI_HOST, MEILI_MASTER_KEY, DATABASE_URL, EVAL_INDEX_PREFIX.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  CorpusStats,
  RelevanceMatcher,
  SynonymDictionary,
  bm25fWeighted,
  buildSearchDocument,
  charBigrams,
  createMeiliClient,
  searchIndexSettings,
  weightByIdf,
  type AnalyzedDocument,
  type RelevanceMatcherOptions,
  type SearchDocument,
} from '../libs/matching/src/relevance';
import {
  CORPUS,
  NEEDS,
  QRELS,
  HALF_SEED,
  TYPES,
  corpusQuerySet,
  judged,
  loadMatchingDev,
  ndcgAt10,
  splitHalves,
  type CorpusRecord,
  type Need,
  type Qrels,
} from './matching-dev';

const HOST = process.env.MEILI_HOST ?? 'http://127.0.0.1:7700';
const KEY = process.env.MEILI_MASTER_KEY ?? 'dev-master-key-change-me-0123456789';
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const PREFIX = process.env.EVAL_INDEX_PREFIX ?? 'eval_matching_';

interface Metrics {
  ndcg: number;
  recall: number;
  mrr: number;
}
type Ranker = (need: Need) => Promise<string[]>;

function metricsFor(ranked: string[], grades: Map<string, number>): Metrics {
  const relevant = [...grades.values()].filter((g) => g > 0).length;
  const top = ranked.slice(0, 10);
  const found = top.filter((id) => (grades.get(id) ?? 0) > 0).length;
  const first = ranked.findIndex((id) => (grades.get(id) ?? 0) > 0);
  return {
    ndcg: ndcgAt10(ranked, grades),
    recall: relevant > 0 ? found / Math.min(10, relevant) : 0,
    mrr: first >= 0 ? 1 / (first + 1) : 0,
  };
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

function summarise(rows: readonly { type: string; m: Metrics }[]): Record<string, Metrics & { n: number }> {
  const groups = new Map<string, Metrics[]>();
  for (const r of rows) {
    for (const key of ['all', r.type]) groups.set(key, [...(groups.get(key) ?? []), r.m]);
  }
  const out: Record<string, Metrics & { n: number }> = {};
  for (const [k, ms] of groups) {
    out[k] = { n: ms.length, ndcg: mean(ms.map((m) => m.ndcg)), recall: mean(ms.map((m) => m.recall)), mrr: mean(ms.map((m) => m.mrr)) };
  }
  return out;
}

interface Scored {
  qid: string;
  type: string;
  m: Metrics;
}

async function scoreNeeds(needs: Need[], qrels: Qrels, rank: Ranker): Promise<Scored[]> {
  const rows: Scored[] = [];
  for (const need of needs) {
    if (!judged(qrels, need.qid)) continue;
    rows.push({ qid: need.qid, type: need.type, m: metricsFor(await rank(need), qrels.get(need.qid)!) });
  }
  return rows;
}

/** Matcher settings with one mechanism switched off, to show what each contributes on each half. */
function ablations(): { key: string; label: string; options: Partial<RelevanceMatcherOptions> }[] {
  const extra = process.env.EVAL_VARIANTS
    ? (JSON.parse(process.env.EVAL_VARIANTS) as { key: string; label: string; options: Partial<RelevanceMatcherOptions> }[])
    : [];
  return [
    { key: 'noSynonyms', label: 'without the synonym list', options: { synonyms: null } },
    {
      key: 'feedback',
      label: '+ pseudo-relevance feedback (RM3: 5 records, terms in ≥ 3, weight 0.1)',
      options: { feedback: { docs: 5, minDocs: 3, weight: 0.1 } },
    },
    {
      key: 'bigramQueries',
      label: '+ 10 single-bigram candidate queries, 250 candidates',
      options: { planOptions: { bigramQueries: 10, limit: 250 } },
    },
    ...extra,
  ];
}

/**
 * Plain BM25 over character bigrams on the whole corpus (no Meilisearch, no candidate cut): the
 * reference the README's table names. Query: the need's title and description bigrams, counted.
 */
function plainBm25(records: CorpusRecord[], analyzed: AnalyzedDocument[], stats: CorpusStats): Ranker {
  const postings = new Map<string, number[]>();
  analyzed.forEach((doc, i) => {
    const seen = new Set([...doc.bigram.title, ...doc.bigram.keywords, ...doc.bigram.body]);
    for (const t of seen) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  const avg = {
    title: stats.avgLength('bigram', 'title'),
    keywords: stats.avgLength('bigram', 'keywords'),
    body: stats.avgLength('bigram', 'body'),
  };
  const params = { k1: 1.2, b: 0.75, fieldWeights: { title: 3, keywords: 2, body: 1 } };
  return async (need) => {
    const query = new Map<string, number>();
    for (const t of charBigrams(`${need.title}。${need.description}`)) query.set(t, (query.get(t) ?? 0) + 1);
    const weighted = weightByIdf(query, 'bigram', stats);
    const candidates = new Set<number>();
    for (const t of query.keys()) for (const i of postings.get(t) ?? []) candidates.add(i);
    const scoredDocs = [...candidates].map((i) => ({ i, s: bm25fWeighted(weighted, analyzed[i]!.bigram, 'bigram', avg, params) }));
    scoredDocs.sort((x, y) => y.s - x.s || x.i - y.i);
    return scoredDocs.slice(0, 10).map((d) => records[d.i]!.id);
  };
}

interface PgClient {
  connect(): Promise<void>;
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
  end(): Promise<void>;
}

async function postgresBaseline(records: CorpusRecord[]): Promise<{ rank: Ranker; label: string; close: () => Promise<void> } | null> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require('pg') as { Client: new (cfg: { connectionString: string }) => PgClient };
  const client = new Client({ connectionString: DATABASE_URL });
  try {
    await client.connect();
  } catch (e) {
    console.log(`PostgreSQL baseline skipped: ${(e as Error).message}`);
    return null;
  }
  const schema = `eval_matching_${process.pid}_${Date.now()}`;
  await client.query(`CREATE SCHEMA ${schema}`);
  let trgm = true;
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  } catch {
    trgm = false;
  }
  await client.query(`CREATE TABLE ${schema}.results (id text PRIMARY KEY, title text, body text)`);
  for (let i = 0; i < records.length; i += 1000) {
    const chunk = records.slice(i, i + 1000);
    await client.query(`INSERT INTO ${schema}.results SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [
      chunk.map((r) => r.id),
      chunk.map((r) => r.title ?? ''),
      chunk.map((r) => `${r.title ?? ''} ${r.keywords.join(' ')} ${r.abstract}`),
    ]);
  }
  const rank: Ranker = async (need) => {
    if (trgm) {
      const { rows } = await client.query<{ id: string }>(
        `SELECT id FROM ${schema}.results ORDER BY word_similarity($1, body) DESC, id LIMIT 10`,
        [need.title],
      );
      return rows.map((r) => r.id);
    }
    const grams = [...new Set(charBigrams(need.title))].slice(0, 30);
    const score = grams.map((_, j) => `(body ILIKE '%' || $${j + 1} || '%')::int`).join(' + ') || '0';
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM ${schema}.results ORDER BY ${score} DESC, id LIMIT 10`, grams);
    return rows.map((r) => r.id);
  };
  return {
    rank,
    label: trgm ? 'PostgreSQL pg_trgm word_similarity(title)' : 'PostgreSQL ILIKE title-bigram count',
    close: async () => {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

function fmt(m: Metrics & { n: number }): string {
  return `${m.ndcg.toFixed(3)} (n=${m.n})`;
}

async function main(): Promise<void> {
  if (!fs.existsSync(CORPUS) || !fs.existsSync(NEEDS) || !fs.existsSync(QRELS)) {
    console.log(`The evaluation data is not there (expected ${CORPUS} and ${path.dirname(NEEDS)}); nothing to evaluate.`);
    return;
  }
  const { records, needs, qrels } = loadMatchingDev();

  const client = createMeiliClient({ host: HOST, apiKey: KEY });
  const indexUid = `${PREFIX}${process.pid}_${Date.now()}`;
  const pg = await postgresBaseline(records);
  try {
    // ---- index -------------------------------------------------------------------------
    const t0 = performance.now();
    const stats = new CorpusStats();
    const analyzedDocs: AnalyzedDocument[] = [];
    // Meilisearch ids allow only [A-Za-z0-9_-]; the corpus has dots (chinaxiv-201601.00051v1).
    const toMeiliId = (id: string): string => id.replace(/\./g, '_dot_');
    const docs: SearchDocument[] = records.map((r) => {
      const { document, analyzed } = buildSearchDocument({
        id: toMeiliId(r.id),
        title: r.title,
        keywords: r.keywords,
        body: r.abstract,
        extra: { status: 'published' },
      });
      stats.addDocument(analyzed);
      analyzedDocs.push(analyzed);
      return document;
    });
    const fromMeiliId = (id: string): string => id.replace(/_dot_/g, '.');
    const tAnalyse = performance.now() - t0;
    await client.createIndex(indexUid, { primaryKey: 'id' }).waitTask();
    await client.index(indexUid).updateSettings(searchIndexSettings()).waitTask();
    const tasks = [];
    for (let i = 0; i < docs.length; i += 5000) tasks.push(await client.index(indexUid).addDocuments(docs.slice(i, i + 5000)));
    for (const t of tasks) {
      const done = await client.tasks.waitForTask(t.taskUid, { timeout: 600_000, interval: 200 });
      if (done.status !== 'succeeded') throw new Error(`indexing failed: ${JSON.stringify(done.error)}`);
    }
    const tIndex = performance.now() - t0;
    console.log(
      `Indexed ${docs.length} records in ${(tIndex / 1000).toFixed(1)} s (analysis ${(tAnalyse / 1000).toFixed(1)} s); stats JSON ${(JSON.stringify(stats.toJSON()).length / 1e6).toFixed(1)} MB`,
    );

    // ---- rankers -----------------------------------------------------------------------
    const matcherWith = (options: Partial<RelevanceMatcherOptions>): RelevanceMatcher =>
      new RelevanceMatcher({ client, indexUid, stats, synonyms: SynonymDictionary.default(), ...options });
    const latencies: number[] = [];
    const rankWith =
      (matcher: RelevanceMatcher, timed = false): Ranker =>
      async (need) => {
        const s = performance.now();
        const hits = await matcher.match({ title: need.title, description: need.description, field: need.field }, { limit: 10 });
        if (timed) latencies.push(performance.now() - s);
        if (timed && process.env.EVAL_DEBUG === need.qid)
          for (const h of hits)
            console.log(
              `  ${need.qid} ${h.rawScore.toFixed(3)} ${fromMeiliId(h.id)} grade ${qrels.get(need.qid)?.get(fromMeiliId(h.id)) ?? '-'}`,
            );
        return hits.map((h) => fromMeiliId(h.id));
      };
    const product = matcherWith({});
    const pastedRank: Ranker = async (need) => {
      const res = await client.index(indexUid).search(`${need.title} ${need.description}`, {
        limit: 10,
        attributesToRetrieve: ['id'],
        attributesToSearchOn: ['title', 'keywords', 'summary'],
      });
      return res.hits.map((h) => fromMeiliId(String(h.id)));
    };
    const bm25 = plainBm25(records, analyzedDocs, stats);

    // The product first, then ablations (each one mechanism switched off), then the references.
    const systems: { key: string; label: string; rank: Ranker }[] = [
      { key: 'matcher', label: '(a) RelevanceMatcher, product settings', rank: rankWith(product, true) },
      ...ablations().map((v) => ({ key: v.key, label: `    ablation: ${v.label}`, rank: rankWith(matcherWith(v.options)) })),
      { key: 'bm25', label: '(r) plain BM25 over character bigrams, whole corpus (title ×3, keywords ×2, abstract)', rank: bm25 },
      ...(pg ? [{ key: 'postgres', label: `(b) ${pg.label}`, rank: pg.rank }] : []),
      { key: 'pasted', label: '(c) need text pasted into one Meilisearch query', rank: pastedRank },
    ];

    // Warm up (first searches load pages), then evaluate.
    for (const need of needs.slice(0, 5)) await systems[0]!.rank(need);
    latencies.length = 0;
    const half = splitHalves(needs);
    const scored: Record<string, Scored[]> = {};
    for (const sys of systems) scored[sys.key] = await scoreNeeds(needs, qrels, sys.rank);
    if (process.env.EVAL_PER_NEED)
      for (const r of scored.matcher!) console.log(`  ${r.qid} ${r.type} ${half.get(r.qid)} ${r.m.ndcg.toFixed(3)}`);
    const matcherLatency = [...latencies];

    // Candidate recall: share of grade-2 records that the multi-search returns at all.
    let g2 = 0;
    let g2Found = 0;
    for (const need of needs) {
      const grades = qrels.get(need.qid);
      if (!grades) continue;
      const { plan } = product.plan({ title: need.title, description: need.description });
      const res = (await client.multiSearch({
        federation: plan.federation,
        queries: plan.queries.map((q) => ({ ...q, attributesToRetrieve: ['id'] })),
      })) as unknown as { hits: { id: string }[] };
      const ids = new Set(res.hits.map((h) => fromMeiliId(String(h.id))));
      for (const [id, g] of grades) {
        if (g > 0 && !ids.has(id) && process.env.EVAL_DEBUG)
          console.log(`  not a candidate: ${need.qid} (${need.type}, ${half.get(need.qid)}) grade ${g} ${id}`);
        if (g !== 2) continue;
        g2++;
        if (ids.has(id)) g2Found++;
      }
    }

    // Latency at steady state: every need 5 more times.
    latencies.length = 0;
    const timedRank = rankWith(product, true);
    for (let r = 0; r < 5; r++) for (const need of needs) await timedRank(need);
    const steady = [...latencies, ...matcherLatency];

    const corpusSet = corpusQuerySet(records);
    const corpusMatcher = summarise(await scoreNeeds(corpusSet.needs, corpusSet.qrels, rankWith(product)));
    const corpusBm25 = summarise(await scoreNeeds(corpusSet.needs, corpusSet.qrels, bm25));
    const corpusPasted = summarise(await scoreNeeds(corpusSet.needs, corpusSet.qrels, pastedRank));

    // ---- report ------------------------------------------------------------------------
    const counts = (h: 'A' | 'B'): string =>
      TYPES.map((t) => `${t} ${needs.filter((n) => n.type === t && half.get(n.qid) === h && judged(qrels, n.qid)).length}`).join(', ');
    console.log(
      `\nmatching-dev in two halves (seed ${HALF_SEED}, stratified by type): A = tuning half (${counts('A')}); B = held out (${counts('B')})`,
    );
    console.log('nDCG@10 per half, B − A, and (all 45) Recall@10 / MRR');
    for (const sys of systems) {
      const rows = scored[sys.key]!;
      const a = summarise(rows.filter((r) => half.get(r.qid) === 'A'));
      const b = summarise(rows.filter((r) => half.get(r.qid) === 'B'));
      const all = summarise(rows);
      console.log(`\n${sys.label}`);
      for (const t of ['all', ...TYPES]) {
        if (!all[t]) continue;
        const na = a[t]?.ndcg ?? NaN;
        const nb = b[t]?.ndcg ?? NaN;
        console.log(
          `  ${t.padEnd(11)} A ${na.toFixed(3)}  B ${nb.toFixed(3)}  B−A ${(nb - na >= 0 ? '+' : '') + (nb - na).toFixed(3)}   all ${all[t]!.ndcg.toFixed(3)}  R ${all[t]!.recall.toFixed(3)}  MRR ${all[t]!.mrr.toFixed(3)}`,
        );
      }
    }
    console.log(
      '\nreferences (matching-dev README / architecture.md): pasted 0.31, BM25 jieba 0.76, BM25 bigrams 0.79 (hidden 0.77); product on the hidden set 0.733',
    );
    console.log(`candidate recall (grade-2 records in the multi-search candidates): ${g2Found}/${g2}`);
    console.log(
      `corpus-derived set (100 keyword queries, nDCG@10): matcher ${fmt(corpusMatcher.all!)} | plain BM25 ${fmt(corpusBm25.all!)} | pasted ${fmt(corpusPasted.all!)}`,
    );
    console.log(
      `matcher latency per need (ms, ${steady.length} searches incl. re-scoring): p50 ${percentile(steady, 50).toFixed(1)}  p95 ${percentile(steady, 95).toFixed(1)}  max ${Math.max(...steady).toFixed(1)}`,
    );

    const round = (x: number): number => Math.round(x * 1000) / 1000;
    const halves = (key: string) => {
      const rows = scored[key]!;
      const a = summarise(rows.filter((r) => half.get(r.qid) === 'A'));
      const b = summarise(rows.filter((r) => half.get(r.qid) === 'B'));
      const byType = (m: Record<string, Metrics & { n: number }>) =>
        Object.fromEntries(Object.entries(m).map(([k, v]) => [k, round(v.ndcg)]));
      return { A: byType(a), B: byType(b), all: round(summarise(rows).all!.ndcg) };
    };
    const json = {
      bench: 'eval:matching',
      documents: docs.length,
      indexSeconds: round(tIndex / 1000),
      halfSeed: HALF_SEED,
      matcher: halves('matcher'),
      ablations: Object.fromEntries(ablations().map((v) => [v.key, halves(v.key)])),
      bm25: halves('bm25'),
      postgres: scored.postgres ? halves('postgres') : null,
      pasted: halves('pasted'),
      corpusSet: { matcher: round(corpusMatcher.all!.ndcg), bm25: round(corpusBm25.all!.ndcg), pasted: round(corpusPasted.all!.ndcg) },
      candidateRecallGrade2: round(g2Found / Math.max(g2, 1)),
      p50_ms: round(percentile(steady, 50)),
      p95_ms: round(percentile(steady, 95)),
    };
    console.log(JSON.stringify(json));
  } finally {
    await client
      .deleteIndex(indexUid)
      .waitTask()
      .catch(() => undefined);
    await pg?.close().catch(() => undefined);
    client.closeConnections();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
