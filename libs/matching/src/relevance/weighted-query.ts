/**
 * The in-process form of a query: weighted bigrams and weighted jieba tokens of the need's
 * text, plus synonym expansions, plus its key terms (for coverage and Meilisearch queries).
 */
import { charBigrams, jiebaTokens, normalizeText } from './chinese-text.util';
import type { CorpusStats } from './corpus-stats';
import { phraseIdf } from './phrase-match';
import { extractKeyTerms, type KeyTerm, type NeedText } from './key-terms';
import type { SynonymDictionary, SynonymExpansion } from './synonyms';

export interface WeightedQuery {
  bigram: Map<string, number>;
  word: Map<string, number>;
  /**
   * Synonym phrases (normalised) → weight. They are matched as whole phrases in the documents'
   * text, not through their bigrams: a synonym's fragments (磷矿石 → 矿石) would drag in
   * off-topic records.
   */
  phrases: Map<string, number>;
  keyTerms: KeyTerm[];
  synonyms: SynonymExpansion[];
  /**
   * Phrases from pseudo-relevance feedback (feedback.ts) → weight; matched like `phrases`, but
   * they are the corpus's words, not the need's, so they are never shown as a reason.
   */
  expansion?: Map<string, number>;
}

export interface QueryOptions {
  /** Weight of a text occurrence in the title relative to the description (default 1). */
  titleWeight?: number;
  /** Weight of a synonym's tokens relative to one occurrence in the text (default 0.6). */
  synonymWeight?: number;
  /** Multiplier for synonyms triggered only by the description (default 0.5). */
  descriptionSynonymFactor?: number;
  /** Least corpus document frequency of a key term (default 1). */
  keyTermMinDf?: number;
  /** Number of key terms (default 12). */
  keyTermLimit?: number;
}

/** Adds `w` to a term's weight. */
function bump(map: Map<string, number>, term: string, w: number): void {
  map.set(term, (map.get(term) ?? 0) + w);
}

/**
 * Query term weights use sqrt of the weighted count: a long description repeats its topic, which
 * should count, but not linearly (measured: linear over-weights boilerplate in long needs).
 */
export function saturate(map: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [t, w] of map) out.set(t, Math.sqrt(w));
  return out;
}

/** The text of a need as one string (title, keywords, description). */
export function needFullText(need: NeedText): string {
  return [need.title, (need.keywords ?? []).join('；'), need.description ?? ''].filter(Boolean).join('。');
}

export function buildWeightedQuery(
  need: NeedText,
  stats: CorpusStats,
  synonyms: SynonymDictionary | null,
  options: QueryOptions = {},
): WeightedQuery {
  const titleWeight = options.titleWeight ?? 1;
  const synonymWeight = options.synonymWeight ?? 0.6;
  const bigram = new Map<string, number>();
  const word = new Map<string, number>();
  const titleText = [need.title, (need.keywords ?? []).join('；')].join('；');
  for (const t of charBigrams(titleText)) bump(bigram, t, titleWeight);
  for (const t of charBigrams(need.description)) bump(bigram, t, 1);
  for (const t of jiebaTokens(titleText)) bump(word, t, titleWeight);
  for (const t of jiebaTokens(need.description)) bump(word, t, 1);

  // Synonyms of a title term count fully; those triggered only by the description (company
  // context, side remarks) count half — the title states the problem.
  const normTitle = normalizeText(titleText);
  const expansions = (synonyms ? synonyms.expand(needFullText(need)) : []).map((e) =>
    normTitle.includes(e.trigger) ? e : { ...e, weight: e.weight * (options.descriptionSynonymFactor ?? 0.5) },
  );
  const bg = saturate(bigram);
  // A synonym phrase substitutes for its trigger: weighted so that matching the phrase is worth
  // `synonymWeight` × what matching all of the trigger's bigrams is worth.
  const phrases = new Map<string, number>();
  for (const e of expansions) {
    let triggerValue = 0;
    for (const b of new Set(charBigrams(e.trigger))) triggerValue += (bg.get(b) ?? 0) * stats.idf('bigram', b);
    const w = (synonymWeight * e.weight * triggerValue) / (phraseIdf(e.term, stats) || 1);
    if (w > 0) phrases.set(e.term, Math.max(phrases.get(e.term) ?? 0, w));
  }
  return {
    bigram: bg,
    word: saturate(word),
    phrases,
    keyTerms: extractKeyTerms(need, stats, { limit: options.keyTermLimit ?? 12, minDocFreq: options.keyTermMinDf ?? 1 }),
    synonyms: expansions,
  };
}

/** Normalised need text, for match-reason highlighting. */
export function normalizedNeedText(need: NeedText): string {
  return normalizeText(needFullText(need));
}
