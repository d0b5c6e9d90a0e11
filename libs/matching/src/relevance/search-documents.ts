/**
 * The Meilisearch document of a matchable record and the index settings the matcher relies on.
 *
 * A document carries the display text (title, keywords, summary), the same text as encoded
 * character bigrams (bg* fields, searchable; see chinese-text.util.ts for why they are encoded),
 * and the jieba tokens of each field (w* fields, not searchable: the re-scorer reads them back
 * so it never runs jieba on candidates at query time). The product adds its own filter fields
 * (status, field, region, trl, …) through `extra`.
 */
import { analyzeDocument, keywordsText, type AnalyzedDocument, type MatchableText } from './analyzed-document';
import { encodeToken, normalizeText, STOP_WORDS } from './chinese-text.util';

/** Fields the re-scorer needs back from Meilisearch (attributesToRetrieve). */
export const RESCORE_ATTRIBUTES = ['id', 'title', 'keywords', 'summary', 'wTitle', 'wKeywords', 'wBody'] as const;

/** Encoded bigram fields (searched by the bigram queries of a query plan). */
export const BIGRAM_ATTRIBUTES = ['bgTitle', 'bgKeywords', 'bgBody'] as const;

/** Plain-text fields (searched with Meilisearch's own Chinese segmentation). */
export const TEXT_ATTRIBUTES = ['title', 'keywords', 'summary'] as const;

/** Filterable attributes the product relies on (it fills them in through `extra`). */
export const FILTERABLE_ATTRIBUTES = [
  'status',
  'field',
  'region',
  // The prefecture-level city of `region` (a county or district is searched under its city too).
  'city',
  'trl',
  'orgKind',
  'organizationId',
  'cooperationModes',
  'priceFen',
  'budgetMaxFen',
  'kind',
] as const;

export const SORTABLE_ATTRIBUTES = ['trl', 'priceFen', 'budgetMaxFen', 'publishedAt', 'updatedAt'] as const;

export interface SearchDocument {
  id: string;
  title: string;
  keywords: string[];
  summary: string;
  bgTitle: string;
  bgKeywords: string;
  bgBody: string;
  wTitle: string;
  wKeywords: string;
  wBody: string;
  [extra: string]: unknown;
}

export interface SearchDocumentInput extends MatchableText {
  id: string;
  /** Product fields (status, field, region, trl, orgKind, organizationId, …), copied as is. */
  extra?: Record<string, unknown>;
}

/**
 * Builds the Meilisearch document of a record. Also returns the analysed form, which is what
 * CorpusStats.addDocument wants (so the product analyses each record once per sync).
 */
export function buildSearchDocument(input: SearchDocumentInput): { document: SearchDocument; analyzed: AnalyzedDocument } {
  const analyzed = analyzeDocument(input);
  const enc = (tokens: string[]): string => tokens.map(encodeToken).join(' ');
  const document: SearchDocument = {
    ...(input.extra ?? {}),
    id: input.id,
    title: input.title ?? '',
    keywords: [...(input.keywords ?? [])],
    summary: input.body ?? '',
    bgTitle: enc(analyzed.bigram.title),
    bgKeywords: enc(analyzed.bigram.keywords),
    bgBody: enc(analyzed.bigram.body),
    wTitle: analyzed.word.title.join(' '),
    wKeywords: analyzed.word.keywords.join(' '),
    wBody: analyzed.word.body.join(' '),
  };
  return { document, analyzed };
}

/** The shape of a hit the re-scorer reads (RESCORE_ATTRIBUTES). */
export interface RescoreHit {
  id: string;
  title?: string | null;
  keywords?: string[] | null;
  summary?: string | null;
  wTitle?: string | null;
  wKeywords?: string | null;
  wBody?: string | null;
}

/** Splits a stored token field back into tokens. */
export function splitTokens(field: string | null | undefined): string[] {
  return field ? field.split(' ').filter((t) => t.length > 0) : [];
}

/** Normalised text of a hit's fields, as the phrase matcher wants it. */
export function hitText(hit: RescoreHit): { title: string; keywords: string; body: string } {
  return {
    title: normalizeText(hit.title),
    keywords: normalizeText(keywordsText(hit.keywords)),
    body: normalizeText(hit.summary),
  };
}

/** Bigrams so common in research text that they only cost time as query words. */
const COMMON_BIGRAMS = ['研究', '进行', '结果', '表明', '方法', '分析', '通过', '采用', '提出', '本文', '基于', '一种', '我们', '可以'];

/**
 * Index settings. Typo tolerance is off on the encoded fields (a one-letter typo of an encoded
 * bigram is another bigram). Prefix search stays on for the search box's partial words
 * ("Hastel" finds Hastelloy); encoded bigrams all have the same length, so a prefix of one matches
 * only itself and the matcher is unaffected (measured: nDCG@10 0.842 either way on matching-dev).
 * Chinese text fields are declared `cmn` so Meilisearch segments them as Chinese.
 */
export function searchIndexSettings(): Record<string, unknown> {
  return {
    searchableAttributes: ['bgTitle', 'bgKeywords', 'title', 'keywords', 'bgBody', 'summary'],
    displayedAttributes: ['*'],
    filterableAttributes: [...FILTERABLE_ATTRIBUTES],
    sortableAttributes: [...SORTABLE_ATTRIBUTES],
    localizedAttributes: [{ attributePatterns: ['title', 'keywords', 'summary'], locales: ['cmn'] }],
    // Candidate generation only needs "how many query words, in which field": proximity and
    // exactness cost ~25% of Meilisearch time at 100k documents for −0.005 nDCG after re-scoring.
    rankingRules: ['words', 'attribute', 'sort'],
    typoTolerance: { enabled: true, disableOnAttributes: [...BIGRAM_ATTRIBUTES] },
    prefixSearch: 'indexingTime',
    // Nothing searches within facet values; building their search structures cost ~20% of the
    // indexing time of a 30,000-result import (23.0 → 18.8 s).
    facetSearch: false,
    proximityPrecision: 'byAttribute',
    stopWords: [...STOP_WORDS].filter((w) => w.length === 1).concat(COMMON_BIGRAMS.map(encodeToken)),
    pagination: { maxTotalHits: 1000 },
    // No Meilisearch `synonyms`: with the 530 groups data/synonyms.json had then, they made every
    // search of a 100k index 3–4× slower (p50 7 → 25 ms raw). The matcher expands synonyms itself,
    // and the search box sends rewrites of a query only when it holds a listed term (query-variants.ts).
  };
}
