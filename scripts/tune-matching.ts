/**
 * In-process experiments for the matcher (a development tool; `npx tsx scripts/tune-matching.ts`).
 * Scores variants of the re-scorer over the WHOLE corpus (no Meilisearch, no candidate cut) on the
 * two halves of matching-dev (the same split as eval:matching) and on the corpus-derived set, so a
 * mechanism can be tried in seconds. What is kept goes into the product and is confirmed by
 * `npm run eval:matching`, which measures the product itself.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CorpusStats,
  SynonymDictionary,
  analyzeDocument,
  buildWeightedQuery,
  normalizeText,
  keywordsText,
  rescore,
  DEFAULT_RESCORE_PARAMS,
  type AnalyzedDocument,
  type CandidateDocument,
  type RescoreParams,
  type WeightedQuery,
} from '../libs/matching/src/relevance';
import { expandWithFeedback, type FeedbackOptions } from '../libs/matching/src/relevance/feedback';

const DATA_DIR = path.resolve(__dirname, '..', '..', 'shared', 'data');
interface CorpusRecord {
  id: string;
  title: string | null;
  abstract: string;
  keywords: string[];
  discipline: string | null;
  source: string;
}
interface Need {
  qid: string;
  title: string;
  description: string;
  type: string;
}
const readJsonl = <T>(f: string): T[] =>
  fs
    .readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function splitHalves(needs: Need[], seed = 20261202): Map<string, 'A' | 'B'> {
  const random = rng(seed);
  const out = new Map<string, 'A' | 'B'>();
  const types = [...new Set(needs.map((n) => n.type))].sort();
  types.forEach((type, ti) => {
    const group = needs.filter((n) => n.type === type).sort((a, b) => a.qid.localeCompare(b.qid));
    for (let i = group.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [group[i], group[j]] = [group[j]!, group[i]!];
    }
    group.forEach((n, i) => out.set(n.qid, (i + ti) % 2 === 0 ? 'A' : 'B'));
  });
  return out;
}
function ndcg(ranked: string[], grades: Map<string, number>): number {
  const gain = (g: number): number => 2 ** g - 1;
  let dcg = 0;
  ranked.slice(0, 10).forEach((id, i) => (dcg += gain(grades.get(id) ?? 0) / Math.log2(i + 2)));
  const ideal = [...grades.values()].sort((a, b) => b - a).slice(0, 10);
  let idcg = 0;
  ideal.forEach((g, i) => (idcg += gain(g) / Math.log2(i + 2)));
  return idcg > 0 ? dcg / idcg : 0;
}

const records = readJsonl<CorpusRecord>(path.join(DATA_DIR, 'results-corpus.jsonl'));
const needs = readJsonl<Need>(path.join(DATA_DIR, 'matching-dev', 'needs.jsonl'));
const qrels = new Map<string, Map<string, number>>();
for (const q of readJsonl<{ qid: string; id: string; grade: number }>(path.join(DATA_DIR, 'matching-dev', 'qrels.jsonl'))) {
  if (!qrels.has(q.qid)) qrels.set(q.qid, new Map());
  qrels.get(q.qid)!.set(q.id, q.grade);
}
const judged = needs.filter((n) => [...(qrels.get(n.qid)?.values() ?? [])].some((g) => g > 0));
const half = splitHalves(needs);

const stats = new CorpusStats();
const analyzed: AnalyzedDocument[] = [];
const docs: CandidateDocument[] = records.map((r) => {
  const a = analyzeDocument({ title: r.title, keywords: r.keywords, body: r.abstract });
  stats.addDocument(a);
  analyzed.push(a);
  return {
    id: r.id,
    bigram: a.bigram,
    word: a.word,
    text: { title: normalizeText(r.title), keywords: normalizeText(keywordsText(r.keywords)), body: normalizeText(r.abstract) },
  };
});
const postings = new Map<string, number[]>();
analyzed.forEach((d, i) => {
  for (const t of new Set([...d.bigram.title, ...d.bigram.keywords, ...d.bigram.body])) {
    const l = postings.get(t);
    if (l) l.push(i);
    else postings.set(t, [i]);
  }
});
const keywordsOf = new Map(records.map((r) => [r.id, r.keywords]));

interface Variant {
  name: string;
  synonyms?: boolean;
  params?: Partial<RescoreParams>;
  feedback?: FeedbackOptions;
}

function candidatesOf(q: WeightedQuery): CandidateDocument[] {
  const set = new Set<number>();
  for (const t of q.bigram.keys()) for (const i of postings.get(t) ?? []) set.add(i);
  return [...set].map((i) => docs[i]!);
}

function rank(need: { title: string; description: string }, v: Variant): string[] {
  const syn = v.synonyms === false ? null : SynonymDictionary.default();
  const params = { ...DEFAULT_RESCORE_PARAMS, ...v.params };
  let q = buildWeightedQuery(need, stats, syn);
  const cands = candidatesOf(q);
  let ranked = rescore(q, cands, stats, params);
  if (v.feedback) {
    q = expandWithFeedback(q, ranked, (id) => docsById.get(id), stats, v.feedback);
    ranked = rescore(q, cands, stats, params);
  }
  if (process.env.DEBUG_QID && (need as Need).qid === process.env.DEBUG_QID)
    for (const r of ranked.slice(0, 10))
      console.log(`  ${r.score.toFixed(3)} ${r.id} grade ${qrels.get(process.env.DEBUG_QID)?.get(r.id) ?? '-'}`);
  return ranked.slice(0, 10).map((r) => r.id);
}
const docsById = new Map(docs.map((d) => [d.id, { ...d, keywords: keywordsOf.get(d.id) ?? [] }]));

// Corpus-derived set, as in eval:matching.
function corpusSet(): { needs: Need[]; qrels: Map<string, Map<string, number>> } {
  const random = rng(20261123);
  const pool = records.filter((r) => r.source === 'CSL' && r.keywords.length >= 3 && r.discipline);
  const byKeyword = new Map<string, CorpusRecord[]>();
  for (const r of pool) for (const k of r.keywords) byKeyword.set(k, [...(byKeyword.get(k) ?? []), r]);
  const out: Need[] = [];
  const q = new Map<string, Map<string, number>>();
  const used = new Set<number>();
  while (out.length < 100 && used.size < pool.length) {
    const i = Math.floor(random() * pool.length);
    if (used.has(i)) continue;
    used.add(i);
    const seed = pool[i]!;
    const [k1, k2] = [...seed.keywords].sort(() => random() - 0.5);
    const qid = `corpus-${out.length}`;
    out.push({ qid, title: `寻求${k1}与${k2}相关技术`, description: '', type: 'corpus' });
    const grades = new Map<string, number>([[seed.id, 2]]);
    const shared = new Map<string, number>();
    for (const k of seed.keywords) for (const o of byKeyword.get(k) ?? []) shared.set(o.id, (shared.get(o.id) ?? 0) + 1);
    for (const o of pool) if (o.id !== seed.id && o.discipline === seed.discipline && (shared.get(o.id) ?? 0) >= 2) grades.set(o.id, 1);
    q.set(qid, grades);
  }
  return { needs: out, qrels: q };
}
const corpus = corpusSet();

const variants: Variant[] = JSON.parse(process.argv[2] ?? '[{"name":"product"}]') as Variant[];
const TYPES = ['synonym', 'paraphrase', 'subword', 'broad', 'long', 'open'];
for (const v of variants) {
  const per = judged.map((n) => ({ n, s: ndcg(rank(n, v), qrels.get(n.qid)!) }));
  if (process.env.PER_NEED) for (const p of per) console.log(`  ${p.n.qid} ${p.n.type} ${half.get(p.n.qid)} ${p.s.toFixed(3)}`);
  const avg = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const m = (h: 'A' | 'B', t?: string): number => avg(per.filter((p) => half.get(p.n.qid) === h && (!t || p.n.type === t)).map((p) => p.s));
  const cs = avg(corpus.needs.slice(0, Number(process.env.CORPUS_N ?? 100)).map((n) => ndcg(rank(n, v), corpus.qrels.get(n.qid)!)));
  console.log(
    `${v.name.padEnd(28)} A ${m('A').toFixed(3)} B ${m('B').toFixed(3)} all ${avg(per.map((p) => p.s)).toFixed(3)} corpus ${cs.toFixed(3)} | ` +
      TYPES.map((t) => `${t.slice(0, 4)} ${m('A', t).toFixed(2)}/${m('B', t).toFixed(2)}`).join(' '),
  );
}
