import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandlerRegistry, QueueName, RelayedEvent } from '@app/core';
import type { ItemType } from '@app/catalog';
import { MatchesService } from './matches.service';

const ROUTES: Record<string, { type: ItemType; idKey: 'needId' | 'resultId' }> = {
  'need.approved': { type: 'need', idKey: 'needId' },
  'need.closed': { type: 'need', idKey: 'needId' },
  'result.approved': { type: 'result', idKey: 'resultId' },
  'result.closed': { type: 'result', idKey: 'resultId' },
};

/** Match computation on its own queue: publication computes, closing retires (compute sees the state). */
@Injectable()
export class MatchHandler implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly matches: MatchesService,
  ) {}

  onModuleInit(): void {
    for (const [eventType, route] of Object.entries(ROUTES)) {
      this.registry.subscribe(QueueName.Match, eventType, (job: Job<RelayedEvent>) =>
        this.matches.compute(route.type, String((job.data.payload as Record<string, unknown>)[route.idKey])),
      );
    }
  }
}
