/**
 * Why a record matched, for showing users: the need's key terms found in the record (whole, or
 * the longest part of them of at least two characters), and synonym phrases found, each with
 * the need's word that brought it in.
 */
import type { Field } from './analyzed-document';
import { containsTerm } from './synonyms';
import type { WeightedQuery } from './weighted-query';

export interface MatchedTerm {
  /** The words as found in the record. */
  term: string;
  /** The need's word it stands for, when it is a synonym (e.g. 氢氧化钙 for 消石灰). */
  via?: string;
}

/**
 * Longest substring (≥ 2 chars, CJK only) of `term` present in `text`, or '' if none.
 * Parts of ASCII words (`st` of `sts`) mean nothing, so they are never returned.
 */
export function longestPresentPart(term: string, text: string): string {
  for (let len = term.length; len >= 2; len--) {
    for (let i = 0; i + len <= term.length; i++) {
      const part = term.slice(i, i + len);
      if (/[^\u3400-\u9fff\uf900-\ufaff]/.test(part)) continue;
      if (text.includes(part)) return part;
    }
  }
  return '';
}

/**
 * Matched terms of a record, most important first, at most `limit`.
 * A key term counts when at least half of it (and two characters) is in the record; a `generic`
 * one (处理, 达到 in a large corpus) explains nothing to a reader and is left out.
 */
export function matchReasons(
  query: WeightedQuery,
  text: Record<Field, string>,
  limit = 8,
  generic: (term: string) => boolean = () => false,
): MatchedTerm[] {
  const all = `${text.title}\n${text.keywords}\n${text.body}`;
  const out: MatchedTerm[] = [];
  const seen = new Set<string>();
  const push = (m: MatchedTerm): void => {
    if (seen.has(m.term) || [...seen].some((s) => s.includes(m.term))) return;
    seen.add(m.term);
    out.push(m);
  };
  for (const k of query.keyTerms) {
    if (generic(k.term)) continue;
    if (containsTerm(all, k.term)) push({ term: k.term });
    else {
      const part = longestPresentPart(k.term, all);
      if (part && part.length * 2 >= k.term.length && part.length >= 2) push({ term: part });
    }
  }
  const phrases = [...query.phrases.entries()].sort((a, b) => b[1] - a[1]);
  for (const [phrase] of phrases) {
    if (!containsTerm(all, phrase)) continue;
    const via = query.synonyms.find((s) => s.term === phrase)?.trigger;
    push(via ? { term: phrase, via } : { term: phrase });
  }
  return out.slice(0, limit);
}
