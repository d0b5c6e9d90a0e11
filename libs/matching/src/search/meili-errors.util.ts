function hasCode(err: unknown, codes: readonly string[]): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const x = e as { code?: unknown; cause?: unknown };
    if (typeof x.code === 'string' && codes.includes(x.code)) return true;
    e = x.cause;
  }
  return false;
}

/** True when Meilisearch answered "index not found" (the error's cause chain carries the code). */
export function isIndexNotFound(err: unknown): boolean {
  return hasCode(err, ['index_not_found']);
}

/**
 * True when an index exists but its settings task has not run yet: created a moment ago by the
 * first sync, it holds no documents and refuses the product's filters, facets and sorts.
 */
export function isIndexNotSetUp(err: unknown): boolean {
  return hasCode(err, ['invalid_search_filter', 'invalid_search_facets', 'invalid_search_sort']);
}
