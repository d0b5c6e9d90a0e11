/**
 * Pseudo-relevance feedback (RM3-style): the best records of a first pass say how the corpus
 * words the need's topic, so their own terms — the authors' keywords and the topical words of
 * their titles — become weighted expansion phrases of a second pass over the same candidates.
 *
 * A term is taken only when several feedback records hold it (one record's pet words are not the
 * topic's) and it is not already in the need; each record votes with its first-pass score, so the
 * best record counts most (the relevance model P(t|R) ≈ Σ_d P(t|d)·P(d|q)). Nothing here is tied to
 * any need: the associations come from the corpus at query time.
 */
import { charBigrams, normalizeText } from './chinese-text.util';
import type { CorpusStats } from './corpus-stats';
import { topicalWords } from './key-terms';
import { phraseIdf } from './phrase-match';
import { bm25UpperBound, type RescoredDocument } from './rescorer';
import type { WeightedQuery } from './weighted-query';

export interface FeedbackOptions {
  /** Feedback records: the first pass's top `docs` (default 8). */
  docs?: number;
  /** Expansion phrases kept (default 8). */
  terms?: number;
  /** The expansion's share of the query's information (default 0.3). */
  weight?: number;
  /** Least number of feedback records holding a term (default 2). */
  minDocs?: number;
  /** Terms held by more than this share of the corpus are generic and never expand (default 0.02). */
  maxDocShare?: number;
}

/** What the feedback reads of a record. */
export interface FeedbackDocument {
  text: { title: string; keywords: string; body: string };
  keywords: readonly string[];
}

export const DEFAULT_FEEDBACK: Required<FeedbackOptions> = { docs: 8, terms: 8, weight: 0.3, minDocs: 2, maxDocShare: 0.02 };

/** A record's candidate expansion terms: its keywords (whole) and the topical words of its title. */
export function feedbackTerms(doc: FeedbackDocument): Set<string> {
  const out = new Set<string>();
  for (const k of doc.keywords) {
    const n = normalizeText(k);
    if (n.length >= 2 && n.length <= 12) out.add(n);
  }
  for (const w of topicalWords(doc.text.title)) if (w.length >= 2) out.add(w);
  return out;
}

/**
 * The query with `expansion` phrases from the feedback records (weighted so that together they
 * are worth `weight` × the query's own bigram information). Returns the query unchanged when the
 * records agree on nothing.
 */
export function expandWithFeedback(
  query: WeightedQuery,
  top: readonly RescoredDocument[],
  documentOf: (id: string) => FeedbackDocument | undefined,
  stats: CorpusStats,
  options: FeedbackOptions = {},
): WeightedQuery {
  const o = { ...DEFAULT_FEEDBACK, ...options };
  const feedback = top.slice(0, o.docs).filter((d) => d.score > 0);
  const total = feedback.reduce((s, d) => s + d.score, 0);
  if (total <= 0) return query;
  const own = new Set([...query.keyTerms.map((k) => k.term), ...query.phrases.keys()]);
  // A term whose every bigram is already in the need adds nothing the first pass did not weigh.
  const inNeed = (t: string): boolean => {
    const grams = charBigrams(t);
    return grams.length > 0 && grams.every((g) => query.bigram.has(g));
  };
  const votes = new Map<string, { weight: number; docs: number }>();
  for (const d of feedback) {
    const doc = documentOf(d.id);
    if (!doc) continue;
    const terms = feedbackTerms(doc);
    for (const t of terms) {
      const v = votes.get(t) ?? { weight: 0, docs: 0 };
      v.weight += d.score / total / terms.size;
      v.docs += 1;
      votes.set(t, v);
    }
  }
  const generic = o.maxDocShare * Math.max(stats.docCount, 1);
  const chosen = [...votes.entries()]
    .filter(([t, v]) => v.docs >= o.minDocs && !own.has(t) && !inNeed(t) && ![...own].some((q) => q.includes(t)))
    .filter(([t]) => stats.docCount < 200 || Math.max(stats.docFreq('word', t), 0) <= generic)
    .sort((a, b) => b[1].weight - a[1].weight || a[0].localeCompare(b[0]))
    .slice(0, o.terms);
  if (chosen.length === 0) return query;
  const mass = chosen.reduce((s, [, v]) => s + v.weight, 0);
  const budget = o.weight * bm25UpperBound(query.bigram, 'bigram', stats);
  const expansion = new Map<string, number>();
  for (const [t, v] of chosen) expansion.set(t, (budget * v.weight) / mass / (phraseIdf(t, stats) || 1));
  return { ...query, expansion };
}
