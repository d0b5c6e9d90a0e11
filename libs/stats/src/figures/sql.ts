import { fenToYuan, type TransactionHost } from '@app/core';
import type { StatsScope } from '../stats-scope';

/** A sum of fen (bigint as text; null when nothing was summed) → yuan. */
export const yuan = (fen: string | number | null | undefined): number => fenToYuan(fen ?? 0);

/** A share rounded to four places, or null when there is nothing to divide by. */
export const ratio = (part: number, whole: number): number | null => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null);

/** The scope as the positional parameters of a figure's SQL over moments: $1 start, $2 end (exclusive), $3 regions, $4 field. */
export const scopeParams = (s: StatsScope): unknown[] => [s.startAt, s.endAt, s.regions, s.field];

/** What every figure answers besides its numbers: the scope it was computed for. */
export interface ScopeEcho {
  periodLabel: string;
  from: string;
  to: string;
  county: string | null;
  place: string;
  field: string | null;
}

export const echo = (s: StatsScope): ScopeEcho => ({
  periodLabel: s.periodLabel,
  from: s.fromDate,
  to: s.toDate,
  county: s.county,
  place: s.placeLabel,
  field: s.field,
});

/**
 * Runs a figure's queries in one read-only REPEATABLE READ transaction: every number of a figure
 * comes from the same snapshot (a request never adds a need to one count and misses it in the
 * next), and on one connection. Parallel workers are off for it: the statements are short, and on
 * a busy server starting workers costs more than it saves.
 */
export function inSnapshot<T>(tx: TransactionHost, fn: () => Promise<T>): Promise<T> {
  if (tx.inTransaction) return fn();
  return tx.run(async (m) => {
    await m.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    await m.query('SET LOCAL max_parallel_workers_per_gather = 0');
    return fn();
  });
}

/** Runs queries one after another (a transaction's connection takes one at a time), answering like Promise.all. */
export async function inTurn<T extends readonly unknown[]>(...steps: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  const out: unknown[] = [];
  for (const step of steps) out.push(await step());
  return out as unknown as T;
}
