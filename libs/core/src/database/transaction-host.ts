import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';

/**
 * Holds the current request's transaction (Vendure's TransactionalConnection, done with
 * AsyncLocalStorage): every query made through `repo()` or `manager` inside `run()` joins the
 * transaction; outside it, queries go straight to the pool.
 */
@Injectable()
export class TransactionHost {
  private readonly als = new AsyncLocalStorage<EntityManager>();

  constructor(readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.als.getStore() ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.als.getStore() !== undefined;
  }

  repo<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    return this.manager.getRepository(entity);
  }

  /**
   * Independent reads, answered like Promise.all: at once on their own pooled connections outside a
   * transaction, one after another inside one (its connection takes one query at a time — pg
   * deprecates queueing them on it).
   */
  async all<T extends readonly unknown[]>(...steps: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
    if (!this.inTransaction) return Promise.all(steps.map((step) => step())) as unknown as Promise<T>;
    const out: unknown[] = [];
    for (const step of steps) out.push(await step());
    return out as unknown as T;
  }

  /** Runs `fn` in a transaction, or in the one already open (nested calls join it). */
  async run<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    const current = this.als.getStore();
    if (current) return fn(current);
    return this.dataSource.transaction((manager) => this.als.run(manager, () => fn(manager)));
  }
}
