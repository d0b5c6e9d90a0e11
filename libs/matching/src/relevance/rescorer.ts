/**
 * In-process re-scoring of Meilisearch candidates: BM25F over the bigram view and over the
 * jieba view (title/keywords/body fields, each length-normalised), key-term coverage, fused
 * into one score. Pure functions: no I/O.
 *
 * Each view's BM25F is divided by its upper bound U = Σ_t q_t·idf_t (the score of a document
 * that contains every query term infinitely often), so s_v ∈ [0, 1) is "the share of the
 * query's information the document matches". That makes the two views fusable and makes the
 * fused value comparable across queries (see score-normalizer.ts for the 0–100 mapping).
 */
import { FIELDS, VIEWS, type Field, type FieldTokens, type View } from './analyzed-document';
import type { CorpusStats } from './corpus-stats';
import { charBigrams } from './chinese-text.util';
import { countOccurrences, phraseIdf } from './phrase-match';
import type { WeightedQuery } from './weighted-query';

export interface RescoreParams {
  k1: number;
  b: number;
  fieldWeights: Record<Field, number>;
  /** Share of the bigram view in the fused BM25F (the jieba view gets the rest). */
  bigramShare: number;
  /** Weight of key-term coverage added to the fused BM25F share. */
  coverageWeight: number;
  /** How many key terms count for coverage. */
  coverageTerms: number;
}

export const DEFAULT_RESCORE_PARAMS: RescoreParams = {
  k1: 1.2,
  b: 0.75,
  fieldWeights: { title: 3, keywords: 2, body: 1 },
  bigramShare: 0.7,
  coverageWeight: 0,
  coverageTerms: 8,
};

/** A candidate document in analysed form. */
export interface CandidateDocument {
  id: string;
  /** Bigram tokens per field; may hold only the query's bigrams when `bigramLengths` is set. */
  bigram: FieldTokens;
  word: FieldTokens;
  /** Normalised text of each field (normalizeText), for phrase matching. */
  text: Record<Field, string>;
  /** True field lengths in bigrams when `bigram` was filtered to the query (BigramFilter). */
  bigramLengths?: Record<Field, number>;
}

export interface RescoredDocument {
  id: string;
  /** Fused score, in [0, 1 + coverageWeight). */
  score: number;
  bigramShare: number;
  wordShare: number;
  coverage: number;
}

/** Σ_t q_t · idf_t: the BM25F a document could reach at most (tf → ∞ for every term). */
export function bm25UpperBound(query: Map<string, number>, view: View, stats: CorpusStats): number {
  let u = 0;
  for (const [t, w] of query) u += w * stats.idf(view, t);
  return u;
}

/** BM25F of whole-phrase matches (same saturation and field weighting as bm25f). */
export function phraseBm25f(
  phrases: Map<string, number>,
  doc: CandidateDocument,
  stats: CorpusStats,
  idfs: Map<string, number>,
  params: Pick<RescoreParams, 'k1' | 'b' | 'fieldWeights'> = DEFAULT_RESCORE_PARAMS,
): number {
  let score = 0;
  for (const [phrase, w] of phrases) {
    let tf = 0;
    for (const field of FIELDS) {
      const n = countOccurrences(doc.text[field], phrase);
      if (n === 0) continue;
      const len = doc.bigramLengths ? doc.bigramLengths[field] : doc.bigram[field].length;
      const norm = 1 - params.b + (params.b * len) / stats.avgLength('bigram', field);
      tf += (n * params.fieldWeights[field]) / norm;
    }
    if (tf > 0) score += w * (idfs.get(phrase) ?? 0) * (tf / (params.k1 + tf));
  }
  return score;
}

/**
 * BM25F (Robertson/Zaragoza): field term frequencies are length-normalised per field, weighted
 * and summed into one pseudo-frequency, then saturated once: tf/(k1 + tf).
 */
export function bm25f(
  query: Map<string, number>,
  doc: FieldTokens,
  view: View,
  stats: CorpusStats,
  params: Pick<RescoreParams, 'k1' | 'b' | 'fieldWeights'> = DEFAULT_RESCORE_PARAMS,
): number {
  const pseudoTf = new Map<string, number>();
  for (const field of FIELDS) {
    const tokens = doc[field];
    if (tokens.length === 0) continue;
    const norm = 1 - params.b + (params.b * tokens.length) / stats.avgLength(view, field);
    const w = params.fieldWeights[field] / norm;
    for (const t of tokens) if (query.has(t)) pseudoTf.set(t, (pseudoTf.get(t) ?? 0) + w);
  }
  let score = 0;
  for (const [t, tf] of pseudoTf) score += (query.get(t) ?? 0) * stats.idf(view, t) * (tf / (params.k1 + tf));
  return score;
}

/** Query weights multiplied by IDF once per query (the hot loop then does one lookup per token). */
export function weightByIdf(query: Map<string, number>, view: View, stats: CorpusStats): Map<string, number> {
  const out = new Map<string, number>();
  for (const [t, w] of query) out.set(t, w * stats.idf(view, t));
  return out;
}

/** bm25f with precomputed q_t·idf_t (same result as bm25f; used in the re-scoring loop). */
export function bm25fWeighted(
  weighted: Map<string, number>,
  doc: FieldTokens,
  view: View,
  avgLengths: Record<Field, number>,
  params: Pick<RescoreParams, 'k1' | 'b' | 'fieldWeights'>,
  lengths?: Record<Field, number>,
): number {
  const pseudoTf = new Map<string, number>();
  for (const field of FIELDS) {
    const tokens = doc[field];
    if (tokens.length === 0) continue;
    const len = lengths ? lengths[field] : tokens.length;
    const w = params.fieldWeights[field] / (1 - params.b + (params.b * len) / avgLengths[field]);
    for (const t of tokens) if (weighted.has(t)) pseudoTf.set(t, (pseudoTf.get(t) ?? 0) + w);
  }
  let score = 0;
  for (const [t, tf] of pseudoTf) score += (weighted.get(t) ?? 0) * (tf / (params.k1 + tf));
  return score;
}

/** The bigrams a key term needs, including those of its synonyms (alternatives). */
export interface CoverageTerm {
  weight: number;
  alternatives: string[][];
}

/** Key terms with their synonym alternatives, for coverage. */
export function coverageTerms(query: WeightedQuery, limit: number): CoverageTerm[] {
  return query.keyTerms.slice(0, limit).map((k) => {
    const alts = [charBigrams(k.term)];
    for (const s of query.synonyms) if (k.term.includes(s.trigger) || s.trigger.includes(k.term)) alts.push(charBigrams(s.term));
    return { weight: k.weight, alternatives: alts.filter((a) => a.length > 0) };
  });
}

/** Weighted share of key terms present in a document (a term counts by the share of its bigrams). */
export function coverage(terms: CoverageTerm[], docBigrams: ReadonlySet<string>): number {
  let total = 0;
  let got = 0;
  for (const term of terms) {
    total += term.weight;
    let best = 0;
    for (const alt of term.alternatives) {
      let hit = 0;
      for (const b of alt) if (docBigrams.has(b)) hit++;
      best = Math.max(best, hit / alt.length);
    }
    got += term.weight * best * best;
  }
  return total > 0 ? got / total : 0;
}

/** Re-scores candidates; returns them best first. */
export function rescore(
  query: WeightedQuery,
  candidates: readonly CandidateDocument[],
  stats: CorpusStats,
  params: RescoreParams = DEFAULT_RESCORE_PARAMS,
): RescoredDocument[] {
  const upper: Record<View, number> = { bigram: 0, word: 0 };
  const phraseIdfs = new Map<string, number>();
  for (const p of query.phrases.keys()) phraseIdfs.set(p, phraseIdf(p, stats));
  const expansion = query.expansion ?? new Map<string, number>();
  for (const p of expansion.keys()) phraseIdfs.set(p, phraseIdf(p, stats));
  // Phrases do not raise the upper bound: a synonym is an alternative way to match the need's
  // own terms, not extra information the best document must also hold.
  for (const view of VIEWS) upper[view] = bm25UpperBound(query[view], view, stats) || 1;
  const cov = params.coverageWeight > 0 ? coverageTerms(query, params.coverageTerms) : [];
  const qBigram = weightByIdf(query.bigram, 'bigram', stats);
  const qWord = weightByIdf(query.word, 'word', stats);
  const avg = (view: View): Record<Field, number> => ({
    title: stats.avgLength(view, 'title'),
    keywords: stats.avgLength(view, 'keywords'),
    body: stats.avgLength(view, 'body'),
  });
  const avgBigram = avg('bigram');
  const avgWord = avg('word');
  const out = candidates.map((c) => {
    const bigramShare =
      (bm25fWeighted(qBigram, c.bigram, 'bigram', avgBigram, params, c.bigramLengths) +
        phraseBm25f(query.phrases, c, stats, phraseIdfs, params) +
        phraseBm25f(expansion, c, stats, phraseIdfs, params)) /
      upper.bigram;
    const wordShare = bm25fWeighted(qWord, c.word, 'word', avgWord, params) / upper.word;
    let covered = 0;
    if (cov.length > 0) covered = coverage(cov, new Set([...c.bigram.title, ...c.bigram.keywords, ...c.bigram.body]));
    const score = params.bigramShare * bigramShare + (1 - params.bigramShare) * wordShare + params.coverageWeight * covered;
    return { id: c.id, score, bigramShare, wordShare, coverage: covered };
  });
  out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}
