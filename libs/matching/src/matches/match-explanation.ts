/**
 * A match as people read it: short Chinese sentences built from the stored reasons (the terms the
 * matcher found) and the public facts of both items (keywords and text, field, maturity, price and
 * budget, cooperation modes, places). Pure, so the API, the notifications and their tests share it.
 * The structured reasons stay what programs read; nothing here shows a code word.
 */
import { cityOf, fenToYuan, type MatchableItem } from '@app/catalog';
import { containsTerm, isFillerWord, normalizeText } from '../relevance';
import { regionFactor } from './match-factors.util';
import type { MatchReasons } from './match.entity';

/** The public facts of one side that the sentences use. */
export type MatchFacts = Pick<
  MatchableItem,
  | 'title'
  | 'keywords'
  | 'body'
  | 'field'
  | 'trl'
  | 'region'
  | 'cooperationModes'
  | 'budgetMinFen'
  | 'budgetMaxFen'
  | 'priceFen'
  | 'priceNegotiable'
>;

export const EXPLANATION_TOPICS = ['keywords', 'terms', 'synonym', 'field', 'trl', 'price', 'modes', 'region'] as const;
export const EXPLANATION_FITS = ['good', 'partial', 'poor', 'info'] as const;

/** One sentence, with what it is about and how well that point fits (for an icon beside it). */
export interface ExplanationLine {
  topic: (typeof EXPLANATION_TOPICS)[number];
  /** good: fits; partial: fits in part or is still open (面议); poor: does not fit; info: a fact, no verdict. */
  fit: (typeof EXPLANATION_FITS)[number];
  text: string;
}

/** Terms listed in one sentence at most. */
const MAX_TERMS = 6;
/** Synonym sentences at most. */
const MAX_SYNONYMS = 2;

/** The sentences of one match, most telling first: shared words, then field, maturity, price, modes, places. */
export function explainMatch(reasons: MatchReasons, need: MatchFacts, result: MatchFacts): ExplanationLine[] {
  return [
    ...termLines(reasons, need, result),
    ...fieldLine(need, result),
    ...trlLine(need, result),
    ...priceLine(need, result),
    ...modesLine(need, result),
    ...regionLine(need, result),
  ];
}

/** Each item's normalised text, once per object: a list explains twenty matches against the same item. */
const fullTexts = new WeakMap<MatchFacts, string>();

function fullText(f: MatchFacts): string {
  let text = fullTexts.get(f);
  if (text === undefined) {
    text = normalizeText([f.title, f.keywords.join('；'), f.body].join('\n'));
    fullTexts.set(f, text);
  }
  return text;
}

/** `term` (normalised, so lower case) as the text writes it: hplc → HPLC. */
function asWritten(term: string, ...texts: string[]): string {
  if (!/[a-z]/.test(term)) return term;
  for (const t of texts) {
    const at = t.toLowerCase().indexOf(term);
    if (at >= 0) return t.slice(at, at + term.length);
  }
  return term;
}

/** One side's keywords (as written) that the other side's text contains, filler left out. */
function keywordsFoundIn(keywords: readonly string[], otherText: string, except: readonly string[]): string[] {
  const out: string[] = [];
  for (const k of keywords) {
    const norm = normalizeText(k);
    if (norm.length < 2 || isFillerWord(norm) || !containsTerm(otherText, norm)) continue;
    if ([...out, ...except].some((o) => normalizeText(o) === norm)) continue;
    out.push(k.trim());
  }
  return out;
}

function termLines(reasons: MatchReasons, need: MatchFacts, result: MatchFacts): ExplanationLine[] {
  const needText = fullText(need);
  const resultText = fullText(result);
  const lines: ExplanationLine[] = [];
  const needKeywords = keywordsFoundIn(need.keywords, resultText, []);
  const resultKeywords = keywordsFoundIn(result.keywords, needText, needKeywords);
  const list = (words: string[]): string => words.slice(0, MAX_TERMS).join('、');
  if (needKeywords.length) lines.push({ topic: 'keywords', fit: 'good', text: `成果中出现需求的关键词：${list(needKeywords)}` });
  if (resultKeywords.length) lines.push({ topic: 'keywords', fit: 'good', text: `需求中出现成果的关键词：${list(resultKeywords)}` });
  // The matcher's other terms: words both texts use, not already said through a keyword.
  const said = [...needKeywords, ...resultKeywords].map((k) => normalizeText(k));
  const shared = reasons.terms
    .filter((t) => !t.via && !isFillerWord(t.term) && !said.some((s) => s.includes(t.term) || t.term.includes(s)))
    .map((t) => asWritten(t.term, need.title, result.title, need.body, result.body));
  if (shared.length) lines.push({ topic: 'terms', fit: 'good', text: `双方都涉及：${list(shared)}` });
  for (const t of reasons.terms.filter((x) => x.via && !isFillerWord(x.term)).slice(0, MAX_SYNONYMS)) {
    const via = t.via as string;
    const [term, word] = [asWritten(t.term, result.body, need.body), asWritten(via, need.body, result.body)];
    let text = `“${term}”与“${word}”同义`;
    if (containsTerm(resultText, t.term) && containsTerm(needText, via)) text = `成果中的“${term}”即需求所说的“${word}”`;
    else if (containsTerm(needText, t.term) && containsTerm(resultText, via)) text = `需求中的“${term}”即成果所说的“${word}”`;
    lines.push({ topic: 'synonym', fit: 'good', text });
  }
  return lines;
}

function fieldLine(need: MatchFacts, result: MatchFacts): ExplanationLine[] {
  if (!need.field || !result.field) return [];
  if (need.field === result.field) return [{ topic: 'field', fit: 'good', text: `同属${need.field}领域` }];
  return [{ topic: 'field', fit: 'poor', text: `领域不同：需求属${need.field}，成果属${result.field}` }];
}

function trlLine(need: MatchFacts, result: MatchFacts): ExplanationLine[] {
  const [wish, trl] = [need.trl, result.trl];
  if (trl === null) return [];
  if (wish === null) return [{ topic: 'trl', fit: 'info', text: `成果技术成熟度 ${trl} 级` }];
  if (trl > wish) return [{ topic: 'trl', fit: 'good', text: `技术成熟度 ${trl} 级，高于需求期望的 ${wish} 级` }];
  if (trl === wish) return [{ topic: 'trl', fit: 'good', text: `技术成熟度 ${trl} 级，达到需求期望的 ${wish} 级` }];
  return [{ topic: 'trl', fit: 'poor', text: `技术成熟度 ${trl} 级，低于需求期望的 ${wish} 级` }];
}

/** A number with at most two decimals and no trailing zeros. */
const figure = (n: number): string => String(Number(n.toFixed(2)));

/** An amount in fen as people say it: 80 万元, 5000 元. */
export function moneyText(fen: number): string {
  const yuan = fenToYuan(fen) ?? 0;
  return yuan >= 10_000 ? `${figure(yuan / 10_000)} 万元` : `${figure(yuan)} 元`;
}

/** A budget as people say it: 预算 200–500 万元, 预算上限 50 万元, 预算 20 万元以上; '' when unknown. */
export function budgetText(minFen: number | null, maxFen: number | null): string {
  if (minFen !== null && maxFen !== null && minFen < maxFen) {
    const [lo, hi] = [fenToYuan(minFen) ?? 0, fenToYuan(maxFen) ?? 0];
    return hi >= 10_000 ? `预算 ${figure(lo / 10_000)}–${figure(hi / 10_000)} 万元` : `预算 ${figure(lo)}–${figure(hi)} 元`;
  }
  if (maxFen !== null) return minFen === maxFen ? `预算 ${moneyText(maxFen)}` : `预算上限 ${moneyText(maxFen)}`;
  if (minFen !== null) return `预算 ${moneyText(minFen)}以上`;
  return '';
}

function priceLine(need: MatchFacts, result: MatchFacts): ExplanationLine[] {
  const budget = budgetText(need.budgetMinFen, need.budgetMaxFen);
  const price = result.priceFen;
  if (price === null) {
    if (!result.priceNegotiable) return [];
    return [{ topic: 'price', fit: 'partial', text: budget ? `价格面议，需求${budget}` : '价格面议' }];
  }
  const offer = `报价 ${moneyText(price)}${result.priceNegotiable ? '（可议价）' : ''}`;
  const hi = need.budgetMaxFen;
  // Below the budget's lower end is still within it: the need can afford it.
  if (hi !== null && price > hi) return [{ topic: 'price', fit: 'poor', text: `${offer}，超出${budget}` }];
  if (hi !== null) return [{ topic: 'price', fit: 'good', text: `${offer}，在${budget}以内` }];
  return [{ topic: 'price', fit: 'info', text: budget ? `${offer}，需求${budget}` : offer }];
}

function modesLine(need: MatchFacts, result: MatchFacts): ExplanationLine[] {
  const common = need.cooperationModes.filter((m) => result.cooperationModes.includes(m));
  if (common.length) return [{ topic: 'modes', fit: 'good', text: `均接受${common.join('、')}` }];
  if (!need.cooperationModes.length || !result.cooperationModes.length) return [];
  const [wanted, offered] = [need.cooperationModes.join('、'), result.cooperationModes.join('、')];
  return [{ topic: 'modes', fit: 'poor', text: `合作方式不一致：需求方希望${wanted}，成果方接受${offered}` }];
}

/** A place as people write it: a county with its city (荆门市钟祥市), a city or another place as is. */
const place = (region: string): string => (cityOf(region) === region ? region : `${cityOf(region)}${region}`);

function regionLine(need: MatchFacts, result: MatchFacts): ExplanationLine[] {
  const [a, b] = [need.region.trim(), result.region.trim()];
  if (!a || !b) return [];
  switch (regionFactor(a, b)) {
    case 'same':
      return [{ topic: 'region', fit: 'good', text: `双方同在${a === b ? place(a) : cityOf(a)}` }];
    case 'neighbour':
      return [{ topic: 'region', fit: 'partial', text: `需求方在${place(a)}，成果方在相邻的${place(b)}` }];
    case 'other':
      return [{ topic: 'region', fit: 'info', text: `需求方在${place(a)}，成果方在${place(b)}` }];
  }
}
