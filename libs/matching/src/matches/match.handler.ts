import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandlerRegistry, QueueName } from '@app/core';
import type { ItemType } from '@app/catalog';
import { ImportBatchJob, MATCH_IMPORT_BATCH } from '../imports/import-jobs';
import { ImportPipeline } from '../imports/import-pipeline';
import { MATCH_COMPUTE } from '../search/index-sync.handler';
import { MatchesService } from './matches.service';

/**
 * Match computation on its own queue, after the item's index sync: a published item gets its
 * matches (re)computed, a closed one has them retired (compute reads the current state). A bulk
 * import's items are matched in batches, at a lower priority (ImportPipeline).
 */
@Injectable()
export class MatchHandler implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly matches: MatchesService,
    private readonly imports: ImportPipeline,
  ) {}

  onModuleInit(): void {
    this.registry.handle(QueueName.Match, MATCH_COMPUTE, (job: Job<{ type: ItemType; id: string }>) =>
      this.matches.compute(job.data.type, job.data.id),
    );
    this.registry.handle(QueueName.Match, MATCH_IMPORT_BATCH, (job: Job<ImportBatchJob>) => this.imports.matchBatch(job.data));
  }
}
