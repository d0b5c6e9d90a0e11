/**
 * Turns a weighted query into a handful of short Meilisearch queries for ONE federated
 * multi-search request. Meilisearch reads only the first 10 words of a query, and a need is far
 * longer than that, so the need is split into focused queries on the encoded bigram fields:
 *  - one per key term (up to 7), weighted in the federation by the term's weight;
 *  - one per synonym phrase (up to 3).
 * Each uses matchingStrategy `frequency`. The federated result (limit 160) is the de-duplicated
 * union, which the re-scorer then orders; on matching-dev it holds 49 of the 51 records graded 2.
 * Measured trade-off (matching-dev nDCG@10 / Meilisearch time): 8 terms + 200 candidates 0.845,
 * 7 + 160 0.842 at ~25% less time, 6 + 2 synonyms + 150 0.827.
 */
import { charBigrams, encodeToken } from './chinese-text.util';
import type { CorpusStats } from './corpus-stats';
import { BIGRAM_ATTRIBUTES, RESCORE_ATTRIBUTES } from './search-documents';
import type { WeightedQuery } from './weighted-query';

/** Meilisearch's word limit per query. */
export const MAX_QUERY_WORDS = 10;

export interface PlannedQuery {
  indexUid: string;
  q: string;
  attributesToSearchOn: string[];
  attributesToRetrieve: string[];
  matchingStrategy: 'frequency' | 'last' | 'all';
  filter?: string | string[];
  federationOptions: { weight: number };
}

export interface QueryPlan {
  federation: { limit: number; offset: number };
  queries: PlannedQuery[];
}

export interface QueryPlanOptions {
  indexUid: string;
  /** Candidates to fetch (default 160). */
  limit?: number;
  /** Meilisearch filter applied to every query (built by the caller from escaped values). */
  filter?: string | string[];
  /** Most key-term queries, one term each (default 7). */
  maxKeyTermQueries?: number;
  /** Most synonym-phrase queries, one phrase each (default 3). */
  maxSynonymQueries?: number;
  /**
   * Single-bigram queries for the need's most informative bigrams (by query weight × IDF) that no
   * key-term query holds (default 0): they reach records that share the need's wording only in
   * parts of its words (磨矿 for a need about 球磨机 … 两段磨矿).
   */
  bigramQueries?: number;
  /** Other key terms appended to each key-term query as ranking context (default 0: +0.002 nDCG on matching-dev for ~40% more Meilisearch time). */
  contextTerms?: number;
}

/**
 * Packs groups of words (each group = one term's bigrams) into queries of at most `max` words,
 * keeping a term's words together; a term longer than `max` is cut to its first `max` words.
 */
export function packTerms(groups: string[][], max = MAX_QUERY_WORDS, maxQueries = Infinity): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  for (const g of groups) {
    const words = [...new Set(g)].slice(0, max);
    if (words.length === 0) continue;
    if (current.length + words.length > max) {
      out.push(current);
      current = [];
      if (out.length >= maxQueries) return out;
    }
    for (const w of words) if (!current.includes(w)) current.push(w);
  }
  if (current.length > 0 && out.length < maxQueries) out.push(current);
  return out;
}

/** The `max` most informative distinct bigrams of a text, in text order. */
export function topBigrams(text: string, stats: CorpusStats, max = MAX_QUERY_WORDS): string[] {
  const uniq = [...new Set(charBigrams(text))];
  const keep = new Set([...uniq].sort((a, b) => stats.idf('bigram', b) - stats.idf('bigram', a)).slice(0, max));
  return uniq.filter((b) => keep.has(b));
}

export function buildQueryPlan(title: string, query: WeightedQuery, stats: CorpusStats, options: QueryPlanOptions): QueryPlan {
  const base = {
    indexUid: options.indexUid,
    attributesToRetrieve: [...RESCORE_ATTRIBUTES],
    matchingStrategy: 'frequency' as const,
    ...(options.filter !== undefined ? { filter: options.filter } : {}),
  };
  const queries: PlannedQuery[] = [];
  const bigramQuery = (words: string[], weight: number, strategy: PlannedQuery['matchingStrategy'] = 'frequency'): void => {
    if (words.length === 0) return;
    queries.push({
      ...base,
      matchingStrategy: strategy,
      q: words.map(encodeToken).join(' '),
      attributesToSearchOn: [...BIGRAM_ATTRIBUTES],
      federationOptions: { weight },
    });
  };

  // One query per key term: Meilisearch's `frequency` strategy never drops a query's rarest
  // word, so a query mixing several terms returns only records holding the rarest of them.
  // Single-term queries make the union hold every record that mentions any key term.
  const keyTerms = query.keyTerms.slice(0, options.maxKeyTermQueries ?? 7);
  const maxWeight = Math.max(...keyTerms.map((k) => k.weight), 1e-9);
  // Optionally (contextTerms > 0) a key-term query is followed by the bigrams of other top terms,
  // with strategy `last`: every hit holds the leading term, and hits that also hold the context
  // terms rank first (Meilisearch drops words from the end).
  const contextCount = options.contextTerms ?? 0;
  keyTerms.forEach((k, i) => {
    const own = [...new Set(charBigrams(k.term))];
    const context = keyTerms
      .filter((_, j) => j !== i)
      .slice(0, contextCount)
      .flatMap((c) => charBigrams(c.term))
      .filter((b) => !own.includes(b));
    const words = [...new Set([...own, ...context])].slice(0, MAX_QUERY_WORDS);
    bigramQuery(words, 0.5 + (0.5 * k.weight) / maxWeight, contextCount > 0 ? 'last' : 'frequency');
  });

  const queried = new Set(keyTerms.flatMap((k) => charBigrams(k.term)));
  const informative = [...query.bigram.entries()]
    .filter(([b]) => !queried.has(b))
    .map(([b, w]) => ({ b, v: w * stats.idf('bigram', b) }))
    .sort((x, y) => y.v - x.v || (x.b < y.b ? -1 : 1))
    .slice(0, options.bigramQueries ?? 0);
  for (const { b } of informative) bigramQuery([b], 0.5);

  const phrases = [...query.phrases.entries()].sort((a, b) => b[1] - a[1]).slice(0, options.maxSynonymQueries ?? 3);
  for (const [p] of phrases) bigramQuery(charBigrams(p).slice(0, MAX_QUERY_WORDS), 0.8);

  return { federation: { limit: options.limit ?? 160, offset: 0 }, queries };
}
