/**
 * In-process experiments for the matcher (a development tool; `npx tsx scripts/tune-matching.ts`).
 * Scores variants of the re-scorer over the WHOLE corpus (no Meilisearch, no candidate cut) on the
 * two halves of matching-dev (the same split as eval:matching) and on the corpus-derived set, so a
 * mechanism can be tried in seconds. What is kept goes into the product and is confirmed by
 * `npm run eval:matching`, which measures the product itself.
 */
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
import { TYPES, corpusQuerySet, judged, loadMatchingDev, ndcgAt10, splitHalves, type Need } from './matching-dev';

const { records, needs, qrels } = loadMatchingDev();
const judgedNeeds = needs.filter((n) => judged(qrels, n.qid));
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

const corpus = corpusQuerySet(records);

const variants: Variant[] = JSON.parse(process.argv[2] ?? '[{"name":"product"}]') as Variant[];
for (const v of variants) {
  const per = judgedNeeds.map((n) => ({ n, s: ndcgAt10(rank(n, v), qrels.get(n.qid)!) }));
  if (process.env.PER_NEED) for (const p of per) console.log(`  ${p.n.qid} ${p.n.type} ${half.get(p.n.qid)} ${p.s.toFixed(3)}`);
  const avg = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const m = (h: 'A' | 'B', t?: string): number => avg(per.filter((p) => half.get(p.n.qid) === h && (!t || p.n.type === t)).map((p) => p.s));
  const cs = avg(corpus.needs.slice(0, Number(process.env.CORPUS_N ?? 100)).map((n) => ndcgAt10(rank(n, v), corpus.qrels.get(n.qid)!)));
  console.log(
    `${v.name.padEnd(28)} A ${m('A').toFixed(3)} B ${m('B').toFixed(3)} all ${avg(per.map((p) => p.s)).toFixed(3)} corpus ${cs.toFixed(3)} | ` +
      TYPES.map((t) => `${t.slice(0, 4)} ${m('A', t).toFixed(2)}/${m('B', t).toFixed(2)}`).join(' '),
  );
}
