/** Whole-phrase matching helpers (synonym phrases are matched as phrases, not as bigrams). */
import { charBigrams } from './chinese-text.util';
import type { CorpusStats } from './corpus-stats';

/**
 * IDF of a phrase, estimated as the largest IDF of its bigrams (a phrase is at most as frequent
 * as its rarest bigram, so this is a lower bound of its true IDF).
 */
export function phraseIdf(phrase: string, stats: CorpusStats): number {
  let best = 0;
  for (const b of charBigrams(phrase)) best = Math.max(best, stats.idf('bigram', b));
  return best || stats.idf('bigram', phrase);
}

/** Occurrences of `phrase` in `text` (non-overlapping). */
export function countOccurrences(text: string, phrase: string): number {
  if (!phrase) return 0;
  let n = 0;
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length)) n++;
  return n;
}
