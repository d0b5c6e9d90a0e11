/**
 * Industry synonym / abbreviation expansion. The list is data (data/synonyms.json): groups of
 * equivalent terms; any term of a group found in a text adds the other terms of the group.
 * A group may carry `context` words (it applies only when one of them is in the text too —
 * for ambiguous abbreviations such as NFC or PE) and a `weight` multiplier.
 */
import { isCjk, normalizeText } from './chinese-text.util';
import defaultSynonymData from './data/synonyms.json';

export interface SynonymGroupJson {
  industry?: string;
  terms: string[];
  context?: string[];
  weight?: number;
}

export interface SynonymDataJson {
  version: number;
  groups: SynonymGroupJson[];
}

/** One expansion: `term` was added because `trigger` occurs in the text. */
export interface SynonymExpansion {
  term: string;
  trigger: string;
  weight: number;
  /** Index of the group, so the rescorer can treat a group as one concept. */
  group: number;
}

interface CompiledGroup {
  terms: string[];
  context: string[];
  weight: number;
}

/** Where normalised `term` occurs in normalised `text`; an ASCII end of a term must stand at a word boundary. */
export function termPositions(text: string, term: string): number[] {
  if (!term) return [];
  const asciiWord = /[a-z0-9]/;
  const out: number[] = [];
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + term.length] ?? ' ';
    const leftOk = !(asciiWord.test(before) && asciiWord.test(term[0] ?? ''));
    const rightOk = !(asciiWord.test(after) && asciiWord.test(term[term.length - 1] ?? ''));
    if (leftOk && rightOk) out.push(at);
  }
  return out;
}

/** Does normalised `text` contain normalised `term`? ASCII terms must stand as whole words. */
export function containsTerm(text: string, term: string): boolean {
  if (!term) return false;
  if (isCjk(term[0] ?? '') && isCjk(term[term.length - 1] ?? '')) return text.includes(term);
  return termPositions(text, term).length > 0;
}

/** `text` with each whole-term occurrence of `term` (as `containsTerm` finds them) replaced by `by`. */
export function replaceTerm(text: string, term: string, by: string): string {
  let out = '';
  let from = 0;
  for (const at of termPositions(text, term)) {
    if (at < from) continue; // overlapping occurrence, already replaced
    out += text.slice(from, at) + by;
    from = at + term.length;
  }
  return out + text.slice(from);
}

/**
 * A term may trigger an expansion only if it is specific enough: two or more CJK characters,
 * or an ASCII word of two or more characters. (A lone character such as 湖 would fire on 湖北.)
 */
export function canTrigger(term: string): boolean {
  return term.length >= 2;
}

export class SynonymDictionary {
  private readonly groups: CompiledGroup[];
  /** The groups that have a trigger term starting with a UTF-16 code unit, in group order. */
  private readonly byFirstChar = new Map<string, number[]>();

  constructor(data: SynonymDataJson) {
    this.groups = data.groups
      .map((g) => ({
        terms: [...new Set(g.terms.map((t) => normalizeText(t)).filter((t) => t.length > 0))],
        context: (g.context ?? []).map((t) => normalizeText(t)).filter((t) => t.length > 0),
        weight: g.weight ?? 1,
      }))
      .filter((g) => g.terms.length >= 2);
    this.groups.forEach((g, index) => {
      for (const first of new Set(g.terms.filter(canTrigger).map((t) => t[0]))) {
        const list = this.byFirstChar.get(first) ?? [];
        list.push(index);
        this.byFirstChar.set(first, list);
      }
    });
  }

  /** The dictionary shipped in data/synonyms.json. */
  static default(): SynonymDictionary {
    return new SynonymDictionary(defaultSynonymData as SynonymDataJson);
  }

  get size(): number {
    return this.groups.length;
  }

  /**
   * Expansions for a text: for every group with a term in the text (and its context satisfied),
   * the group's other terms that are not already in the text. Each term is returned once, from
   * the first group that adds it.
   */
  expand(text: string): SynonymExpansion[] {
    const norm = normalizeText(text);
    const out: SynonymExpansion[] = [];
    const added = new Set<string>();
    // Only a group with a term starting with one of the text's characters can fire (937 groups
    // scanned in full cost 0.2 ms a query).
    const candidates = new Set<number>();
    // By UTF-16 code unit on both sides (t[0], norm[i]), so a term starting outside the BMP is found too.
    for (let i = 0; i < norm.length; i++) for (const index of this.byFirstChar.get(norm[i]) ?? []) candidates.add(index);
    for (const index of [...candidates].sort((a, b) => a - b)) {
      const g = this.groups[index];
      const trigger = g.terms.find((t) => canTrigger(t) && containsTerm(norm, t));
      if (trigger === undefined) continue;
      if (g.context.length > 0 && !g.context.some((c) => containsTerm(norm, c))) continue;
      for (const term of g.terms) {
        if (term === trigger || added.has(term) || containsTerm(norm, term)) continue;
        added.add(term);
        out.push({ term, trigger, weight: g.weight, group: index });
      }
    }
    return out;
  }
}
