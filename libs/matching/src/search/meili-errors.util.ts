/** True when Meilisearch answered "index not found" (the error's cause chain carries the code). */
export function isIndexNotFound(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const x = e as { code?: unknown; cause?: unknown };
    if (x.code === 'index_not_found') return true;
    e = x.cause;
  }
  return false;
}
