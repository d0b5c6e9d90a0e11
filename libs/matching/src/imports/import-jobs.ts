import type { ItemType } from '@app/catalog';

/**
 * The jobs of a bulk import's pipeline (see ImportPipeline). Their ids are derived from the import
 * and the chunk or batch number, so adding one twice (a retry, a second worker) adds nothing.
 */

/** On the search-index queue: index one chunk of an import's items. */
export const IMPORT_INDEX_CHUNK = 'search-index.import-chunk';
/** On the match queue: match one batch of an import's items. */
export const MATCH_IMPORT_BATCH = 'match.import-batch';

/**
 * Items per index chunk. A chunk's documents go to Meilisearch in parts sent back to back, so it
 * indexes one part while the next is built; between chunks it waits (for the chunk's tasks, then
 * the corpus statistics). 20,000 rather than 5,000 made 60,000 results searchable in 107 s
 * instead of 138 (bench:import, pipeline).
 */
export const IMPORT_INDEX_CHUNK_SIZE = 20_000;
/** Items per match batch: a few seconds of work, so a slot of the match queue frees up often. */
export const IMPORT_MATCH_BATCH_SIZE = 200;
/**
 * How many of an import's match batches are queued or running at once (each finished batch queues
 * the one `IMPORT_MATCH_LANES` further on): the match queue's other slots stay free for single
 * items published meanwhile, across all workers.
 */
export const IMPORT_MATCH_LANES = 2;
/** BullMQ priority of an import's jobs: jobs without a priority (single items) always go first. */
export const IMPORT_JOB_PRIORITY = 10;

export interface ImportChunkJob {
  type: ItemType;
  importId: string;
  chunk: number;
}

export interface ImportBatchJob {
  type: ItemType;
  importId: string;
  batch: number;
}

export const importIndexJobId = (importId: string, chunk: number): string => `import-${importId}-index-${chunk}`;
export const importMatchJobId = (importId: string, batch: number): string => `import-${importId}-match-${batch}`;
