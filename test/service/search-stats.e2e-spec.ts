import { DataSource } from 'typeorm';
import { dataSourceOptions, TransactionHost } from '@app/core';
import { analyzeDocument, CorpusStats } from '../../libs/matching/src/relevance';
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

  it('saves each sync as a change, catches up on changes only, and folds them into a snapshot', async () => {
    const type = 'need';
    const doc = (i: number) =>
      analyzeDocument({ title: `钢渣微粉 ${i}`, keywords: [`关键词${i % 7}`], body: `第${i}号样品的活性指数测定` });
    const writer = new SearchStatsService(new TransactionHost(ds));
    const reader = new SearchStatsService(new TransactionHost(ds));
    const expected = new CorpusStats();
    const changes = async () =>
      (await ds.query(`SELECT count(*)::int AS n FROM search_stats_delta WHERE index_type = $1`, [type]))[0].n as number;
    const snapshotCount = async () =>
      (await ds.query(`SELECT doc_count FROM search_stats WHERE index_type = $1`, [type]))[0]?.doc_count as number;

    // The first save is a snapshot (there is nothing to add changes to).
    await writer.update(type, [], [doc(0)]);
    expected.addDocument(doc(0));
    expect(await changes()).toBe(0);
    expect(await snapshotCount()).toBe(1);
    expect((await reader.current(type)).toJSON(1)).toEqual(expected.toJSON(1));

    // Later syncs append changes; the snapshot stays as it was until they pile up.
    for (let i = 1; i <= 3; i++) {
      await writer.update(type, [], [doc(i)]);
      expected.addDocument(doc(i));
    }
    await writer.update(type, [doc(2)], []);
    expected.removeDocument(doc(2));
    expect(await changes()).toBe(4);
    expect(await snapshotCount()).toBe(1);
    // A process that holds the snapshot reads only the changes (no snapshot load); a new one reads both; they agree.
    const internals = reader as unknown as { latest(t: string): Promise<CorpusStats>; load(...args: unknown[]): Promise<unknown> };
    const snapshotLoads = jest.spyOn(internals, 'load');
    const caughtUp = await internals.latest(type);
    expect(snapshotLoads).not.toHaveBeenCalled();
    snapshotLoads.mockRestore();
    expect(caughtUp.toJSON(1)).toEqual(expected.toJSON(1));
    expect((await new SearchStatsService(new TransactionHost(ds)).current(type)).toJSON(1)).toEqual(expected.toJSON(1));

    // A change whose transaction rolls back is not saved.
    const host = new TransactionHost(ds);
    const rolledBack = new SearchStatsService(host);
    await expect(
      host.run(async () => {
        await rolledBack.update(type, [], [doc(99)]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await changes()).toBe(4);

    // Enough changes are folded into a new snapshot, which holds all of them.
    for (let i = 4; i < 80; i++) {
      await writer.update(type, [], [doc(i)]);
      expected.addDocument(doc(i));
    }
    expect(await changes()).toBeLessThan(64);
    const fresh = await new SearchStatsService(new TransactionHost(ds)).current(type);
    expect(fresh.docCount).toBe(79);
    expect(fresh.toJSON(1)).toEqual(expected.toJSON(1));
    expect((await internals.latest(type)).toJSON(1)).toEqual(expected.toJSON(1));
  });
});
