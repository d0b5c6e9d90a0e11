/**
 * The analysed form of a searchable record (a research result or a need): the same three
 * fields, each as character bigrams and as jieba search-mode tokens. Shared by corpus
 * statistics (index time) and re-scoring (query time) so both count tokens the same way.
 */
import { charBigrams, jiebaTokens } from './chinese-text.util';

export const VIEWS = ['bigram', 'word'] as const;
export type View = (typeof VIEWS)[number];

export const FIELDS = ['title', 'keywords', 'body'] as const;
export type Field = (typeof FIELDS)[number];

export type FieldTokens = Record<Field, string[]>;
export type AnalyzedDocument = Record<View, FieldTokens>;

/** The text of a record, before analysis. `body` is the abstract / summary / description. */
export interface MatchableText {
  title?: string | null;
  keywords?: readonly string[] | null;
  body?: string | null;
}

/** Keywords joined so that no bigram spans two keywords. */
export function keywordsText(keywords: readonly string[] | null | undefined): string {
  return (keywords ?? []).join('；');
}

/** Bigram view only (cheap: no jieba); used when word tokens come precomputed. */
export function bigramFields(text: MatchableText): FieldTokens {
  return {
    title: charBigrams(text.title),
    keywords: charBigrams(keywordsText(text.keywords)),
    body: charBigrams(text.body),
  };
}

/** jieba view only. */
export function wordFields(text: MatchableText): FieldTokens {
  return {
    title: jiebaTokens(text.title),
    keywords: (text.keywords ?? []).flatMap((k) => jiebaTokens(k)),
    body: jiebaTokens(text.body),
  };
}

/** Both views of a record. */
export function analyzeDocument(text: MatchableText): AnalyzedDocument {
  return { bigram: bigramFields(text), word: wordFields(text) };
}
