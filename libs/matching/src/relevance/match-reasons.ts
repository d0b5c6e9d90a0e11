/**
 * Why a record matched, for showing users: the query's key terms found in the record, and synonym
 * phrases found, each with the query's word that brought it in. Only terms a reader can take as
 * a reason are shown: no filler of technical writing, and no cut words (see `matchReasons`).
 */
import type { Field, FieldTokens } from './analyzed-document';
import { getJieba, isCjk, jiebaTokens, normalizeText, STOP_WORDS } from './chinese-text.util';
import { containsTerm } from './synonyms';
import type { WeightedQuery } from './weighted-query';

export interface MatchedTerm {
  /** The words as found in the record. */
  term: string;
  /** The need's word it stands for, when it is a synonym (e.g. 氢氧化钙 for 消石灰). */
  via?: string;
}

/**
 * Words of the genre, not of a topic: any request or research abstract uses them, whatever it is
 * about — what is done (研究, 开发, 实现, 处理…), generic things (技术, 系统, 装置, 工艺…),
 * generic qualities or wishes (成本, 效率, 问题, 要求…), comparisons and units of measure. Two
 * records sharing one of them share nothing worth telling. In a large corpus most are also caught
 * by their document frequency (the caller's `generic`), but not all — stop words never reach the
 * statistics, and 开发 or 成本 stay under 5 % — and a small corpus (a new platform, a test) tells
 * nothing. Kept to words that are generic in every field; a topic word never belongs here.
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  // what is done
  '研究',
  '开发',
  '研发',
  '设计',
  '分析',
  '实现',
  '建立',
  '处理',
  '提高',
  '降低',
  '优化',
  '改进',
  '改善',
  '提升',
  '解决',
  '采用',
  '利用',
  '应用',
  '使用',
  '进行',
  '制备',
  '生产',
  '检测',
  '测定',
  '试验',
  '控制',
  // generic things
  '技术',
  '方法',
  '方式',
  '手段',
  '系统',
  '装置',
  '设备',
  '工艺',
  '产品',
  '材料',
  '项目',
  '方案',
  '平台',
  '模型',
  '数据',
  '参数',
  '结构',
  '过程',
  '流程',
  '体系',
  '工程',
  '工业',
  // generic qualities and wishes
  '成本',
  '效率',
  '性能',
  '质量',
  '效果',
  '问题',
  '需要',
  '需求',
  '要求',
  '条件',
  '能力',
  '水平',
  '作用',
  '影响',
  '特性',
  '功能',
  '含量',
  '指标',
  '标准',
  '新型',
  '高效',
  // comparisons and amounts
  '达到',
  '低于',
  '高于',
  '大于',
  '小于',
  '以上',
  '以下',
  '增加',
  '减少',
  '显著',
  '明显',
  // units of measure (a value's unit says nothing of its subject)
  'mg',
  'kg',
  'ml',
  'mm',
  'cm',
  'km',
  'mpa',
  'kpa',
  'kw',
  'kv',
  'kwh',
  'mw',
  'hz',
  'ppm',
  'rpm',
]);

/** Filler of technical writing (FILLER_WORDS) or a function word (STOP_WORDS): never a reason. */
export function isFillerWord(term: string): boolean {
  return FILLER_WORDS.has(term) || STOP_WORDS.has(term);
}

/**
 * A word of jieba's dictionary (an ASCII word counts as one). Words jieba's HMM coins for text
 * it does not know are often fragments of a longer term (除氟除 of 除氟除镁, 脱氮除 of 脱氮除磷),
 * so they are not taken as words on their own authority.
 */
export function isDictionaryWord(term: string): boolean {
  if (!isCjk(term[0] ?? '')) return /^[a-z0-9][a-z0-9.-]*$/.test(term);
  return getJieba().cutAll(term).includes(term);
}

/** Parts of `term` (CJK only, ≥ 2 characters, at least half of it), longest first. */
function partsOf(term: string): string[] {
  const out: string[] = [];
  for (let len = term.length - 1; len >= 2 && len * 2 >= term.length; len--) {
    for (let i = 0; i + len <= term.length; i++) {
      const part = term.slice(i, i + len);
      if (![...part].some((ch) => !isCjk(ch))) out.push(part);
    }
  }
  return out;
}

export interface MatchReasonOptions {
  /** Most terms to return (default 8). */
  limit?: number;
  /** True for a word too common in the corpus to explain anything (from the caller's statistics). */
  generic?: (term: string) => boolean;
  /** The record's jieba tokens (its analysed word view); computed from `text` when absent. */
  words?: FieldTokens;
}

/**
 * Matched terms of a record, most important first, at most `limit`. A key term (or failing that,
 * its longest part of at least half its length) is shown only when it is a word someone named —
 * a word of jieba's dictionary that the record has among its jieba tokens, or one of the record's
 * keywords — never an arbitrary substring (除氟除 of 除氟除镁). Synonym phrases come from the
 * curated list and are shown when the record contains them. Filler (`isFillerWord`) and the
 * caller's `generic` words are left out.
 */
export function matchReasons(query: WeightedQuery, text: Record<Field, string>, options: MatchReasonOptions = {}): MatchedTerm[] {
  const limit = options.limit ?? 8;
  const generic = options.generic ?? (() => false);
  const all = `${text.title}\n${text.keywords}\n${text.body}`;
  const keywords = new Set(
    text.keywords
      .split(/[;；]/)
      .map((k) => normalizeText(k))
      .filter(Boolean),
  );
  const words = options.words ?? { title: jiebaTokens(text.title), keywords: jiebaTokens(text.keywords), body: jiebaTokens(text.body) };
  const tokens = new Set([...words.title, ...words.keywords, ...words.body]);
  const shown = (term: string): boolean => !isFillerWord(term) && !generic(term);
  const wholeWord = (term: string): boolean => (keywords.has(term) || (isDictionaryWord(term) && tokens.has(term))) && shown(term);

  const out: MatchedTerm[] = [];
  const seen = new Set<string>();
  const push = (m: MatchedTerm): void => {
    if (seen.has(m.term) || [...seen].some((s) => s.includes(m.term))) return;
    seen.add(m.term);
    out.push(m);
  };
  for (const k of query.keyTerms) {
    const found = wholeWord(k.term) ? k.term : partsOf(k.term).find(wholeWord);
    if (found) push({ term: found });
  }
  const phrases = [...query.phrases.entries()].sort((a, b) => b[1] - a[1]);
  for (const [phrase] of phrases) {
    if (!shown(phrase) || !containsTerm(all, phrase)) continue;
    const via = query.synonyms.find((s) => s.term === phrase)?.trigger;
    push(via ? { term: phrase, via } : { term: phrase });
  }
  return out.slice(0, limit);
}
