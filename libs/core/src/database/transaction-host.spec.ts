import type { DataSource, EntityManager } from 'typeorm';
import { TransactionHost } from './transaction-host';

/** A data source whose transaction hands its callback a stand-in manager (and records commits). */
function host(log: string[] = []): TransactionHost {
  const manager = {} as EntityManager;
  const dataSource = {
    manager,
    transaction: async <T>(fn: (m: EntityManager) => Promise<T>) => {
      const out = await fn({} as EntityManager);
      log.push('commit');
      return out;
    },
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

describe('TransactionHost.afterCommit', () => {
  it('runs a step once the outermost transaction has committed, once per key', async () => {
    const log: string[] = [];
    const tx = host(log);
    await tx.run(async () => {
      await tx.afterCommit('bump', async () => log.push('bump'));
      await tx.run(async () => {
        await tx.afterCommit('bump', async () => log.push('bump again'));
        await tx.afterCommit('other', async () => log.push('other'));
      });
      log.push('work done');
    });
    expect(log).toEqual(['work done', 'commit', 'bump', 'other']);
  });

  it('runs nothing when the transaction rolls back, and at once outside one', async () => {
    const log: string[] = [];
    const tx = host(log);
    await expect(
      tx.run(async () => {
        await tx.afterCommit('bump', async () => log.push('bump'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(log).toEqual([]);
    await tx.afterCommit('bump', async () => log.push('outside'));
    expect(log).toEqual(['outside']);
  });

  it('logs a failing step without failing the committed caller', async () => {
    const tx = host();
    await expect(
      tx.run(async () => {
        await tx.afterCommit('bump', () => Promise.reject(new Error('redis down')));
        return 'saved';
      }),
    ).resolves.toBe('saved');
  });
});
