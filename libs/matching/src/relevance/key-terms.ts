/**
 * Key terms of a need (or of a result, for the reverse direction): jieba words tagged with a
 * part of speech that can carry a topic, weighted by tf × corpus IDF, with a bonus for words
 * of the title. Used to build short Meilisearch queries, key-term coverage and match reasons.
 */
import { getJieba, isCjk, normalizeText, STOP_WORDS } from './chinese-text.util';
import type { CorpusStats } from './corpus-stats';

export interface KeyTerm {
  term: string;
  /** tf × idf × title bonus; comparable within one need only. */
  weight: number;
  inTitle: boolean;
}

export interface NeedText {
  title: string;
  description?: string | null;
  keywords?: readonly string[] | null;
}

/** jieba tags that never carry a topic: numerals, measure words, pronouns, particles, places… */
const DROPPED_TAGS = new Set([
  'm',
  'mq',
  'q',
  'p',
  'c',
  'u',
  'uj',
  'ul',
  'uz',
  'ug',
  'uv',
  'ud',
  'd',
  'dg',
  'r',
  'rr',
  'rz',
  't',
  'tg',
  'f',
  's',
  'y',
  'e',
  'o',
  'ns',
  'w',
  'zg',
  'k',
  'h',
]);

/**
 * Words about the enterprise rather than the topic (location, scale, request phrasing).
 * General, not tied to any need.
 */
const CONTEXT_WORDS = new Set([
  '湖北',
  '湖北省',
  '武汉',
  '武汉市',
  '宜昌',
  '襄阳',
  '十堰',
  '荆州',
  '黄冈',
  '孝感',
  '咸宁',
  '恩施',
  '潜江',
  '随州',
  '荆门',
  '鄂州',
  '黄石',
  '仙桃',
  '天门',
  '广东',
  '江苏',
  '浙江',
  '山东',
  '河南',
  '四川',
  '湖南',
  '安徽',
  '江西',
  '北京',
  '上海',
  '天津',
  '重庆',
  '省',
  '市',
  '县',
  '区',
  '我厂',
  '本公司',
  '该公司',
  '客户',
  '年产',
  '产值',
  '万吨',
  '亿元',
  '万元',
  '左右',
  '约',
  '合作',
  '委托',
  '寻求',
  '需求',
  '解决',
  '开发',
  '研发',
  '要求',
  '实现',
  '改善',
  '优化',
  '提升',
  '降低',
  '产品',
  '生产',
  '工艺',
  '项目',
  '主要',
  '一家',
  '近年',
  '近年来',
  '几年',
  '发现',
  '情况',
  '效果',
  '较大',
  '明显',
  '不足',
  '偏高',
  '偏低',
  '进一步',
  '相关',
  '方面',
  '目的',
  '依据',
  '指导',
  '用于',
  '使用',
  '拟',
  '想',
  '弄清',
  '希望得到',
  '一套',
  '方案',
  '系统',
  '设备',
  '问题',
  '技术',
  '研究',
]);

export interface KeyTermOptions {
  /** Multiplier for words of the title (default 2). */
  titleBoost?: number;
  /** How many terms to keep (default 12). */
  limit?: number;
  /**
   * Least document frequency of a key term (default 1). Rarer words are mostly segmentation
   * fragments (搞清楚, 机时 from 并机时) or typos; they waste a query and match nothing.
   */
  minDocFreq?: number;
}

/** Is this word worth a query / coverage slot? */
export function isTopicalWord(word: string, tag: string): boolean {
  if (word.length < 2) return false;
  if (STOP_WORDS.has(word) || CONTEXT_WORDS.has(word)) return false;
  if (/^[0-9.]+$/.test(word)) return false;
  if (!isCjk(word[0] ?? '') && !/[a-z]/.test(word)) return false;
  if (DROPPED_TAGS.has(tag)) return false;
  return true;
}

/** Topical words of one text, in order (duplicates kept). */
export function topicalWords(text: string | null | undefined): string[] {
  const norm = normalizeText(text);
  if (!norm) return [];
  return getJieba()
    .tag(norm, true)
    .filter((w) => isTopicalWord(w.word.trim(), w.tag))
    .map((w) => w.word.trim());
}

/** Key terms of a need, best first. */
export function extractKeyTerms(need: NeedText, stats: CorpusStats, options: KeyTermOptions = {}): KeyTerm[] {
  const titleBoost = options.titleBoost ?? 2;
  const limit = options.limit ?? 12;
  const minDf = options.minDocFreq ?? 1;
  const maxIdf = stats.maxIdf();
  const tf = new Map<string, { count: number; inTitle: boolean }>();
  const add = (words: string[], inTitle: boolean, times: number): void => {
    for (const w of words) {
      const e = tf.get(w) ?? { count: 0, inTitle: false };
      e.count += times;
      e.inTitle ||= inTitle;
      tf.set(w, e);
    }
  };
  add(topicalWords(need.title), true, 1);
  add(
    (need.keywords ?? []).map((k) => normalizeText(k)).filter((k) => k.length >= 2),
    true,
    1,
  );
  add(topicalWords(need.description), false, 1);
  const terms: KeyTerm[] = [];
  for (const [term, e] of tf) {
    // A word the corpus never uses cannot rank anything (and is often an HMM fragment such as
    // 带油后): drop it. ASCII words stay (model numbers, grades) — they are matched as bigram-view words.
    const df = Math.max(stats.docFreq('word', term), stats.docFreq('bigram', term));
    if (df < minDf) continue;
    // Saturating tf: a word repeated in a long description should not drown the title.
    const idf = stats.idf('word', term) / maxIdf;
    const weight = (1 + Math.log(e.count)) * idf * (e.inTitle ? titleBoost : 1);
    terms.push({ term, weight, inTitle: e.inTitle });
  }
  terms.sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term));
  return terms.slice(0, limit);
}
