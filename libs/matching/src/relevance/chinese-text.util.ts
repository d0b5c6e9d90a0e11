/**
 * Text utilities for Chinese (mixed with Latin/digits) technical text.
 *
 * Three token views of the same text are used by the matcher:
 *  - character bigrams of every CJK run (a lone CJK character is kept as a unigram), plus
 *    ASCII alphanumeric words such as `gh536`, `134a`, `pef` — robust to compound boundaries
 *    (深松整地 vs 深松联合整地机) and needs no dictionary;
 *  - jieba search-mode tokens (words and their dictionary sub-words) — sharper on multi-char
 *    terms, blind to unknown compounds;
 *  - an *encoded* form of bigrams for Meilisearch: its Chinese segmenter splits any bigram it
 *    does not know into single characters, so each bigram is written as one lowercase Latin
 *    word of 8 letters (`a`..`p` = hex digits of the two UTF-16 code units). Typo tolerance
 *    and prefix search must be off for those fields (see search-documents.ts).
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

let jiebaInstance: Jieba | undefined;

/** The process-wide jieba instance (loading the dictionary takes ~0.3 s, so it is lazy). */
export function getJieba(): Jieba {
  if (!jiebaInstance) jiebaInstance = Jieba.withDict(dict);
  return jiebaInstance;
}

const CJK_RE = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const TOKEN_RE = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+(?:[.][0-9]+)?/g;

/** Is `ch` (one UTF-16 unit) a CJK ideograph? */
export function isCjk(ch: string): boolean {
  return CJK_RE.test(ch);
}

/**
 * NFKC (full-width → half-width, ² → 2, ① → 1), lower case, and a few punctuation unifications.
 * Idempotent.
 */
/** Characters NFKC changes in this kind of text (full-width forms, super/subscripts, circled digits…). */
const NFKC_NEEDED_RE = /[\u00a0-\u00bf\u2000-\u2bff\u2e80-\u2fdf\ufb00-\ufb4f\u3000\u3200-\u33ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

export function normalizeText(text: string | null | undefined): string {
  if (!text) return '';
  // NFKC is the slow step; most abstracts contain nothing it would change.
  return (NFKC_NEEDED_RE.test(text) ? text.normalize('NFKC') : text)
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212~～]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Runs of CJK characters and ASCII alphanumeric words, in order, from normalised text. */
export function scriptRuns(normalized: string): string[] {
  return normalized.match(TOKEN_RE) ?? [];
}

/**
 * Character bigrams of CJK runs (unigram for a run of one), plus ASCII words kept whole.
 * ASCII words of one character (e.g. the `x` of `hastelloy x`) are kept only when they are
 * digits-free letters next to another word — here simply dropped when a lone letter, since they
 * carry no meaning on their own. Input need not be normalised.
 */
export function charBigrams(text: string | null | undefined): string[] {
  return bigramsOfNormalized(normalizeText(text));
}

/** charBigrams for text already passed through normalizeText (skips the NFKC pass). */
export function bigramsOfNormalized(normalized: string): string[] {
  const out: string[] = [];
  for (const run of scriptRuns(normalized)) {
    if (isCjk(run[0] ?? '')) {
      if (run.length === 1) {
        out.push(run);
        continue;
      }
      for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    } else if (run.length > 1 || /[0-9]/.test(run)) {
      out.push(run);
    }
  }
  return out;
}

/** Punctuation-only or whitespace-only tokens jieba returns. */
const JUNK_TOKEN_RE = /^[\s\p{P}\p{S}]*$/u;

/** Function words that carry no topic; kept short on purpose (IDF handles the rest). */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  '的',
  '了',
  '和',
  '与',
  '及',
  '或',
  '在',
  '对',
  '为',
  '是',
  '将',
  '把',
  '被',
  '从',
  '以',
  '于',
  '等',
  '中',
  '其',
  '该',
  '这',
  '那',
  '并',
  '而',
  '也',
  '就',
  '都',
  '又',
  '上',
  '下',
  '个',
  '之',
  '我司',
  '我们',
  '我公司',
  '公司',
  '企业',
  '希望',
  '需要',
  '目前',
  '进行',
  '通过',
  '采用',
  '利用',
  '研究',
  '问题',
  '方法',
  '技术',
  '提高',
  '一种',
  '基于',
  '分析',
  '结果',
  '表明',
  '本文',
  '可以',
  '一个',
  '以及',
  '同时',
  '如何',
  '能够',
  '没有',
  '现有',
  '存在',
  '提出',
  '应用',
  '影响',
]);

/**
 * jieba search-mode tokens (HMM on), normalised, punctuation and stop words removed.
 * Search mode also emits the dictionary sub-words of long words (动力电池 → 动力, 电池, 动力电池),
 * which is what makes token matching tolerant to compound boundaries.
 */
export function jiebaTokens(text: string | null | undefined): string[] {
  const norm = normalizeText(text);
  if (!norm) return [];
  const out: string[] = [];
  for (const raw of getJieba().cutForSearch(norm, true)) {
    const t = raw.trim();
    if (!t || JUNK_TOKEN_RE.test(t) || STOP_WORDS.has(t)) continue;
    if (t.length === 1 && !isCjk(t) && !/[0-9]/.test(t)) continue;
    out.push(t);
  }
  return out;
}

// ---- bigram encoding for Meilisearch ------------------------------------------------------

const HEX_TO_LETTER = 'abcdefghijklmnop';

/** Encodes one UTF-16 code unit as 4 letters a..p. */
function encodeUnit(code: number): string {
  let s = '';
  for (let shift = 12; shift >= 0; shift -= 4) s += HEX_TO_LETTER[(code >> shift) & 0xf];
  return s;
}

/**
 * Writes a token so Meilisearch's tokenizer keeps it as one word: a CJK unigram/bigram becomes
 * 4/8 letters in a..p (e.g. 电池 → `gfaeheak`), an ASCII word is kept as is (it is already one
 * Latin word). The encoding is injective on CJK tokens and cannot collide with normal ASCII
 * words of the corpus in practice (8-letter words over a..p only, and the prefix `q` marks
 * unigrams so they differ from 4-letter English words).
 */
export function encodeToken(token: string): string {
  if (!isCjk(token[0] ?? '')) return token;
  let s = token.length === 1 ? 'q' : '';
  for (let i = 0; i < token.length; i++) s += encodeUnit(token.charCodeAt(i));
  return s;
}

/** Inverse of encodeToken for CJK tokens (ASCII words are returned unchanged). */
export function decodeToken(encoded: string): string {
  const body = encoded.startsWith('q') && encoded.length === 5 ? encoded.slice(1) : encoded;
  if (!/^[a-p]+$/.test(body) || body.length % 4 !== 0 || (body.length !== 8 && body.length !== 4)) {
    return encoded;
  }
  let s = '';
  for (let i = 0; i < body.length; i += 4) {
    let code = 0;
    for (let j = 0; j < 4; j++) code = (code << 4) | HEX_TO_LETTER.indexOf(body[i + j] ?? 'a');
    s += String.fromCharCode(code);
  }
  return isCjk(s[0] ?? '') ? s : encoded;
}

/** Space-joined encoded bigrams of a text, for a Meilisearch document field or query. */
export function encodeBigramField(text: string | null | undefined): string {
  return charBigrams(text).map(encodeToken).join(' ');
}

/** Counts tokens. */
export function termFrequencies(tokens: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/** Bigrams of a short term (a key term or a synonym), de-duplicated, in order. */
export function termBigrams(term: string): string[] {
  return [...new Set(charBigrams(term))];
}
