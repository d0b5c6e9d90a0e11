import type { CatalogReader, MatchableItem } from '@app/catalog';
import type { TransactionHost } from '@app/core';
import type { AnalyzedDocument } from '../relevance';
import type { MeiliService } from './meili.service';
import { SearchIndexService } from './search-index.service';
import type { SearchStatsService } from './search-stats.service';

const item = (id: string): MatchableItem => ({
  type: 'result',
  id,
  organizationId: 'org-1',
  organizationName: '荆门理工大学',
  organizationKind: 'university',
  status: 'published',
  title: `磷石膏综合利用 ${id}`,
  keywords: ['磷石膏'],
  body: '以磷石膏为原料制备建筑石膏',
  field: '磷化工',
  trl: 6,
  cooperationModes: ['技术转让'],
  region: '荆门市',
  budgetMinFen: null,
  budgetMaxFen: null,
  priceFen: 100_000_00,
  priceNegotiable: false,
  publishedAt: new Date('2026-11-01T00:00:00Z'),
  updatedAt: new Date('2026-11-01T00:00:00Z'),
});

/**
 * A sync against stand-ins: Meilisearch whose task finishes (or fails) only when the test says,
 * and statistics that record their updates, so the order of the two can be seen.
 */
function world(taskOutcome: 'succeeded' | 'failed') {
  const events: string[] = [];
  const updates: { removed: AnalyzedDocument[]; added: AnalyzedDocument[] }[] = [];
  let finishTask!: () => void;
  const taskDone = new Promise<void>((resolve) => (finishTask = resolve));
  const index = {
    getDocuments: async () => ({ results: [] }),
    addDocuments: () => {
      events.push('documents sent');
      return Object.assign(Promise.resolve({ taskUid: 1 }), {
        waitTask: async () => {
          await taskDone;
          events.push(`task ${taskOutcome}`);
          return { uid: 1, status: taskOutcome, error: taskOutcome === 'failed' ? { code: 'internal' } : null };
        },
      });
    },
    updateSettings: () => ({ waitTask: async () => ({ uid: 0, status: 'succeeded' }) }),
  };
  const meili = {
    uid: () => 'test_results',
    client: { index: () => index, getRawIndex: async () => ({ uid: 'test_results' }) },
    wait: async (enqueued: { waitTask: () => Promise<{ uid: number; status: string; error: unknown }> }) => {
      const task = await enqueued.waitTask();
      if (task.status === 'failed') throw new Error(`Meilisearch task ${task.uid} failed`);
      return task;
    },
  } as unknown as MeiliService;
  const catalog = { items: async (_type: string, ids: string[]) => ids.map(item) } as unknown as CatalogReader;
  const stats = {
    update: async (_type: string, removed: AnalyzedDocument[], added: AnalyzedDocument[]) => {
      updates.push({ removed, added });
      events.push(`statistics: +${added.length} −${removed.length}`);
      // The first update lets the task finish: the statistics went first, while Meilisearch worked.
      finishTask();
    },
  } as unknown as SearchStatsService;
  const service = new SearchIndexService(meili, catalog, stats, {} as TransactionHost);
  return { service, events, updates };
}

describe('SearchIndexService.sync', () => {
  it('updates the corpus statistics while Meilisearch indexes, not after', async () => {
    const { service, events } = world('succeeded');
    await expect(service.sync('result', ['a', 'b', 'c'])).resolves.toEqual({ upserted: 3, removed: 0 });
    expect(events).toEqual(['documents sent', 'statistics: +3 −0', 'task succeeded']);
  });

  it('takes the statistics back and fails when Meilisearch fails the task (the job is retried)', async () => {
    const { service, events, updates } = world('failed');
    await expect(service.sync('result', ['a', 'b'])).rejects.toThrow('Meilisearch task 1 failed');
    expect(events).toEqual(['documents sent', 'statistics: +2 −0', 'task failed', 'statistics: +0 −2']);
    expect(updates[1].removed).toBe(updates[0].added);
  });
});
