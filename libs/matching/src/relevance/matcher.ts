/**
 * RelevanceMatcher: the one entry point the product calls to rank records for a need (or, in
 * reverse, needs for a result). One federated multi-search gathers candidates (with the text
 * fields the re-scorer needs), the re-scorer orders them in process, and each hit gets a 0–100
 * score and the terms that matched.
 */
import type { MeiliSearch } from 'meilisearch';
import { analyzeDocument, keywordsText, type MatchableText } from './analyzed-document';
import { BigramFilter } from './bigram-filter';
import { expandWithFeedback, type FeedbackOptions } from './feedback';
import { bigramsOfNormalized, normalizeText } from './chinese-text.util';
import type { CorpusStats } from './corpus-stats';
import type { NeedText } from './key-terms';
import { matchReasons, type MatchedTerm } from './match-reasons';
import { buildQueryPlan, type QueryPlan, type QueryPlanOptions } from './query-plan';
import { DEFAULT_RESCORE_PARAMS, rescore, type CandidateDocument, type RescoreParams } from './rescorer';
import { toScore0to100 } from './score-normalizer';
import { hitText, splitTokens, type RescoreHit } from './search-documents';
import { SynonymDictionary } from './synonyms';
import { buildWeightedQuery, type QueryOptions, type WeightedQuery } from './weighted-query';

/** What to match: a need (title + description), or a result's text in the reverse direction. */
export interface MatchQuery extends NeedText {
  /** The product's industry field; not used for ranking (records carry no comparable label). */
  field?: string | null;
}

export interface MatchHit {
  id: string;
  /** Comparable across queries; see score-normalizer.ts. */
  score0to100: number;
  /** The re-scorer's fused score (share of the query's information matched, plus synonyms). */
  rawScore: number;
  matchedTerms: MatchedTerm[];
}

export interface MatchOptions {
  /** Hits to return (default 20). */
  limit?: number;
  /** Candidates to fetch from Meilisearch and re-score (default 160). */
  candidates?: number;
  /** Meilisearch filter applied to the candidate queries; build it from escaped values only. */
  filter?: string | string[];
}

export interface RelevanceMatcherOptions {
  client: MeiliSearch;
  indexUid: string;
  /** The statistics of the index searched; a function lets the product swap in fresh stats. */
  stats: CorpusStats | (() => CorpusStats);
  synonyms?: SynonymDictionary | null;
  rescoreParams?: Partial<RescoreParams>;
  queryOptions?: QueryOptions;
  /** Pseudo-relevance feedback over the candidates (feedback.ts); off by default: see README.md. */
  feedback?: FeedbackOptions | null;
  /** How the candidate multi-search is built (see query-plan.ts for the defaults). */
  planOptions?: Pick<QueryPlanOptions, 'maxKeyTermQueries' | 'maxSynonymQueries' | 'contextTerms' | 'limit' | 'bigramQueries'>;
}

/**
 * Converts a hit of RESCORE_ATTRIBUTES into the re-scorer's analysed candidate. With a
 * BigramFilter, only the query's bigrams are kept (plus true field lengths): same scores, a
 * fraction of the work.
 */
export function candidateFromHit(hit: RescoreHit, filter?: BigramFilter): CandidateDocument {
  const text = hitText(hit);
  const word = { title: splitTokens(hit.wTitle), keywords: splitTokens(hit.wKeywords), body: splitTokens(hit.wBody) };
  if (!filter) {
    return {
      id: String(hit.id),
      bigram: {
        title: bigramsOfNormalized(text.title),
        keywords: bigramsOfNormalized(text.keywords),
        body: bigramsOfNormalized(text.body),
      },
      word,
      text,
    };
  }
  const t = filter.scan(text.title);
  const k = filter.scan(text.keywords);
  const b = filter.scan(text.body);
  return {
    id: String(hit.id),
    bigram: { title: t.tokens, keywords: k.tokens, body: b.tokens },
    bigramLengths: { title: t.length, keywords: k.length, body: b.length },
    word,
    text,
  };
}

export class RelevanceMatcher {
  private readonly client: MeiliSearch;
  private readonly indexUid: string;
  private readonly statsSource: CorpusStats | (() => CorpusStats);
  private readonly synonyms: SynonymDictionary | null;
  private readonly params: RescoreParams;
  private readonly queryOptions: QueryOptions;
  private readonly planOptions: NonNullable<RelevanceMatcherOptions['planOptions']>;
  private readonly feedback: FeedbackOptions | null;

  constructor(options: RelevanceMatcherOptions) {
    this.client = options.client;
    this.indexUid = options.indexUid;
    this.statsSource = options.stats;
    this.synonyms = options.synonyms === undefined ? SynonymDictionary.default() : options.synonyms;
    this.params = { ...DEFAULT_RESCORE_PARAMS, ...options.rescoreParams };
    this.queryOptions = options.queryOptions ?? {};
    this.planOptions = options.planOptions ?? {};
    this.feedback = options.feedback ?? null;
  }

  private get stats(): CorpusStats {
    return typeof this.statsSource === 'function' ? this.statsSource() : this.statsSource;
  }

  /** The query form of a record's text, for the reverse direction (a result → needs). */
  static queryFromRecord(record: MatchableText): MatchQuery {
    return { title: record.title ?? '', keywords: record.keywords ?? [], description: record.body ?? '' };
  }

  /** The analysed query and the Meilisearch request, without sending it (for tests and tools). */
  plan(query: MatchQuery, options: MatchOptions = {}): { weighted: WeightedQuery; plan: QueryPlan } {
    const stats = this.stats;
    const weighted = buildWeightedQuery(query, stats, this.synonyms, this.queryOptions);
    const plan = buildQueryPlan(query.title, weighted, stats, {
      ...this.planOptions,
      indexUid: this.indexUid,
      limit: options.candidates ?? this.planOptions.limit ?? 160,
      filter: options.filter,
    });
    return { weighted, plan };
  }

  /** The analysed form of a query (jieba, key terms, synonyms): build once, score many records. */
  weigh(query: MatchQuery): WeightedQuery {
    return buildWeightedQuery(query, this.stats, this.synonyms, this.queryOptions);
  }

  /** A record in the re-scorer's form, analysed from its text (for `scoreCandidate`). */
  static toCandidate(record: MatchableText & { id: string }): CandidateDocument {
    const analyzed = analyzeDocument(record);
    return {
      id: record.id,
      bigram: analyzed.bigram,
      word: analyzed.word,
      text: {
        title: normalizeText(record.title),
        keywords: normalizeText(keywordsText(record.keywords)),
        body: normalizeText(record.body),
      },
    };
  }

  /**
   * Scores one record for a query without searching: the score `match` gives the record when it
   * finds it (the statistics are the index's, so a record scores the same alone as among other
   * candidates). Used to score a pair in the need → result direction whichever side came last.
   */
  scoreCandidate(weighted: WeightedQuery, candidate: CandidateDocument): MatchHit {
    const stats = this.stats;
    const generic = (term: string): boolean => stats.docCount >= 200 && stats.docFreq('word', term) > 0.05 * stats.docCount;
    const [scored] = rescore(weighted, [candidate], stats, this.params);
    return {
      id: candidate.id,
      score0to100: scored ? toScore0to100(scored) : 0,
      rawScore: scored?.score ?? 0,
      matchedTerms: matchReasons(weighted, candidate.text, { limit: 8, generic, words: candidate.word }),
    };
  }

  /** Ranks the index's records for a need (or needs for a result's text). */
  async match(query: MatchQuery, options: MatchOptions = {}): Promise<MatchHit[]> {
    const { weighted, plan } = this.plan(query, options);
    if (plan.queries.length === 0) return [];
    const response = (await this.client.multiSearch({
      federation: plan.federation,
      queries: plan.queries,
    })) as unknown as { hits: RescoreHit[] };
    return this.rank(weighted, response.hits, options.limit ?? 20);
  }

  /** Re-scores hits already fetched (exposed so the product can re-rank a page it holds). */
  rank(weighted: WeightedQuery, hits: readonly RescoreHit[], limit = 20): MatchHit[] {
    // Coverage needs every bigram of a candidate; without it the filtered scan suffices.
    const filter = this.params.coverageWeight > 0 ? undefined : new BigramFilter(weighted.bigram.keys());
    const candidates = hits.map((h) => candidateFromHit(h, filter));
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const stats = this.stats;
    // In a corpus large enough to tell, a word in more than 5 % of the records is no reason to show.
    const generic = (term: string): boolean => stats.docCount >= 200 && stats.docFreq('word', term) > 0.05 * stats.docCount;
    let ranked = rescore(weighted, candidates, stats, this.params);
    if (this.feedback) {
      const keywords = new Map(hits.map((h) => [String(h.id), h.keywords ?? []]));
      const expanded = expandWithFeedback(
        weighted,
        ranked,
        (id) => {
          const c = byId.get(id);
          return c ? { text: c.text, keywords: keywords.get(id) ?? [] } : undefined;
        },
        stats,
        this.feedback,
      );
      ranked = rescore(expanded, candidates, stats, this.params);
    }
    return ranked.slice(0, limit).map((r) => {
      const c = byId.get(r.id);
      return {
        id: r.id,
        score0to100: toScore0to100(r),
        rawScore: r.score,
        matchedTerms: c ? matchReasons(weighted, c.text, { limit: 8, generic, words: c.word }) : [],
      };
    });
  }
}
