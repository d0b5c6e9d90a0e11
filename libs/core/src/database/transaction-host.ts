import { Injectable, Logger } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';

/** The open transaction: its manager and what is to run once it has committed. */
interface Scope {
  manager: EntityManager;
  afterCommit: Map<string, () => Promise<unknown>>;
}

/**
 * Holds the current request's transaction (Vendure's TransactionalConnection, done with
 * AsyncLocalStorage): every query made through `repo()` or `manager` inside `run()` joins the
 * transaction; outside it, queries go straight to the pool.
 */
@Injectable()
export class TransactionHost {
  private readonly log = new Logger(TransactionHost.name);
  private readonly als = new AsyncLocalStorage<Scope>();

  constructor(readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.als.getStore()?.manager ?? this.dataSource.manager;
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
    if (current) return fn(current.manager);
    const afterCommit = new Map<string, () => Promise<unknown>>();
    const out = await this.dataSource.transaction((manager) => this.als.run({ manager, afterCommit }, () => fn(manager)));
    for (const [key, step] of afterCommit) await this.runAfterCommit(key, step);
    return out;
  }

  /**
   * Runs `step` once the open transaction has committed (not at all if it rolls back), once per
   * `key` however often it is asked for; outside a transaction, at once. The caller's `run()`
   * answers after its steps have run.
   */
  async afterCommit(key: string, step: () => Promise<unknown>): Promise<void> {
    const scope = this.als.getStore();
    if (scope) {
      if (!scope.afterCommit.has(key)) scope.afterCommit.set(key, step);
      return;
    }
    await this.runAfterCommit(key, step);
  }

  /** The change has committed: a step that fails is logged, it does not fail the caller. */
  private async runAfterCommit(key: string, step: () => Promise<unknown>): Promise<void> {
    await step().catch((err: unknown) => this.log.warn(`after-commit step ${key} failed: ${(err as Error).message}`));
  }
}
