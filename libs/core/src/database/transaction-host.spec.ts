import type { DataSource, EntityManager } from 'typeorm';
import { TransactionHost } from './transaction-host';

/** A data source whose transaction hands its callback a stand-in manager. */
function host(): TransactionHost {
  const manager = {} as EntityManager;
  const dataSource = {
    manager,
    transaction: <T>(fn: (m: EntityManager) => Promise<T>) => fn({} as EntityManager),
  } as unknown as DataSource;
  return new TransactionHost(dataSource);
}

/** Steps that record when each starts and ends, each taking a turn of the event loop. */
function recorder() {
  const log: string[] = [];
  const step = (name: string, value: number) => async () => {
    log.push(`${name}:start`);
    await new Promise((r) => setImmediate(r));
    log.push(`${name}:end`);
    return value;
  };
  return { log, step };
}

describe('TransactionHost.all', () => {
  it('outside a transaction starts every read at once and answers in order', async () => {
    const { log, step } = recorder();
    await expect(host().all(step('a', 1), step('b', 2))).resolves.toEqual([1, 2]);
    expect(log).toEqual(['a:start', 'b:start', 'a:end', 'b:end']);
  });

  it("inside a transaction runs them one after another on the transaction's connection", async () => {
    const { log, step } = recorder();
    const tx = host();
    const answer = await tx.run(() => tx.all(step('a', 1), step('b', 2)));
    expect(answer).toEqual([1, 2]);
    expect(log).toEqual(['a:start', 'a:end', 'b:start', 'b:end']);
  });
});
