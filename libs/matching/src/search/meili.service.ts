import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { MeiliSearch, Task } from 'meilisearch';
import { APP_CONFIG, AppConfig } from '@app/core';
import { createMeiliClient } from '../relevance';

export type IndexedType = 'need' | 'result';

/**
 * The one Meilisearch client of a process (keep-alive `node:http`, not `fetch`: 1.3 ms against
 * 44 ms a search here) and the index names, which carry the run's prefix.
 */
@Injectable()
export class MeiliService implements OnModuleDestroy {
  readonly client: MeiliSearch & { closeConnections(): void };

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.client = createMeiliClient({ host: config.meiliHost, apiKey: config.meiliMasterKey });
  }

  uid(type: IndexedType): string {
    return `${this.config.resourcePrefix}_${type}s`;
  }

  /** Waits for a task and fails loudly when Meilisearch failed it. */
  async wait(enqueued: { waitTask: (o?: { timeout?: number; interval?: number }) => Promise<Task> }, timeoutMs = 120_000): Promise<Task> {
    const task = await enqueued.waitTask({ timeout: timeoutMs, interval: 25 });
    if (task.status === 'failed') throw new Error(`Meilisearch task ${task.uid} failed: ${JSON.stringify(task.error)}`);
    return task;
  }

  onModuleDestroy(): void {
    this.client.closeConnections();
  }
}
