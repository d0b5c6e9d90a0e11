/** Public API of the relevance engine (pure modules + the Meilisearch-facing matcher). */
export * from './analyzed-document';
export * from './bigram-filter';
export * from './chinese-text.util';
export * from './corpus-stats';
export * from './key-terms';
export * from './match-reasons';
export * from './matcher';
export * from './meili-http-client';
export * from './phrase-match';
export * from './query-plan';
export * from './rescorer';
export * from './score-normalizer';
export * from './search-documents';
export * from './synonyms';
export * from './weighted-query';
