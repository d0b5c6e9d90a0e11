import { DataSource } from 'typeorm';
import { dataSourceOptions, TransactionHost } from '@app/core';
import { analyzeDocument } from '../../libs/matching/src/relevance';
import { SearchStats } from '../../libs/matching/src/search/search-stats.entity';
import { SearchStatsService } from '../../libs/matching/src/search/search-stats.service';
import { createTestEnv, TestEnv } from '../support/test-env';

/** Two workers (two services, each with its own copy of the statistics) indexing at the same time. */
describe('corpus statistics with two workers', () => {
  let env: TestEnv;
  let ds: DataSource;

  beforeAll(async () => {
    env = await createTestEnv();
    ds = await new DataSource({ ...dataSourceOptions(env.config), entities: [SearchStats] }).initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  it('counts every document whichever worker saved last', async () => {
    const a = new SearchStatsService(new TransactionHost(ds));
    const b = new SearchStatsService(new TransactionHost(ds));
    const doc = (i: number) => analyzeDocument({ title: `磷石膏综合利用技术 ${i}`, keywords: ['磷石膏'], body: '建筑石膏制备' });
    // Both load the (empty) statistics first, then add their own documents concurrently, in rounds.
    await a.current('result');
    await b.current('result');
    for (let round = 0; round < 5; round++) {
      await Promise.all([a.update('result', [], [doc(round * 2), doc(round * 2 + 1)]), b.update('result', [], [doc(100 + round)])]);
    }
    const fresh = new SearchStatsService(new TransactionHost(ds));
    expect((await fresh.current('result')).docCount).toBe(15);
  });
});
