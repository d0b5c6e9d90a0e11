import { normalizeText, replaceTerm, type SynonymDictionary, type SynonymExpansion } from '../relevance';

/** At most this many rewritten queries go with the user's own (each one is one more search). */
export const MAX_QUERY_VARIANTS = 3;

/**
 * The search box's synonym expansion, at query time: for each industry term of the query that has
 * synonyms in data/synonyms.json (whole phrase, context respected), the query with that term
 * replaced by a synonym. A query without such a term has no variants and costs one search, which is
 * why the list is not a Meilisearch `synonyms` setting (that made every search of a 100,000-record
 * index three to four times slower).
 */
export function queryVariants(dictionary: SynonymDictionary, query: string, max = MAX_QUERY_VARIANTS): string[] {
  const norm = normalizeText(query);
  if (!norm) return [];
  // The most specific term first (农用无人机 before 无人机), and one synonym of each term before a
  // second one of any, so that a few variants cover every term of the query.
  const expansions = dictionary.expand(norm).sort((a, b) => b.trigger.length - a.trigger.length);
  const rounds = new Map<number, SynonymExpansion[]>();
  for (const e of expansions) rounds.set(e.group, [...(rounds.get(e.group) ?? []), e]);
  const ordered: SynonymExpansion[] = [];
  for (let i = 0; ordered.length < expansions.length; i++) {
    for (const group of rounds.values()) if (group[i]) ordered.push(group[i]);
  }
  const out: string[] = [];
  for (const e of ordered) {
    const variant = replaceTerm(norm, e.trigger, e.term);
    if (variant !== norm && !out.includes(variant)) out.push(variant);
    if (out.length >= max) break;
  }
  return out;
}
