/** Runs `fn` over chunks of `size` items, at most `parallel` chunks at a time (separate pool connections). */
export async function forEachChunk<T>(items: T[], size: number, parallel: number, fn: (chunk: T[]) => Promise<void>): Promise<void> {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < chunks.length) await fn(chunks[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, chunks.length) }, lane));
}
