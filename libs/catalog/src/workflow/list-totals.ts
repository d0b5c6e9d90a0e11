import { Injectable } from '@nestjs/common';
import { ChangeVersions } from '@app/core';

/** Totals kept per process at most (one count each; the oldest go first). */
const MAX_ENTRIES = 1_000;
/** A total is counted again after this long even if no event said its records changed. */
const MAX_AGE_MS = 60_000;

/**
 * The totals of public lists, kept until their records change. Counting 100,000 published results
 * takes PostgreSQL ~17 ms a page, the public list's whole cost at c=16; a total kept under the
 * list's change version (raised after each committed change of its records, see ChangeVersions)
 * costs one Redis read. A total is keyed by its exact SQL and parameters, so two filters never
 * share one; an entry also expires after a minute, for changes made outside the product (psql).
 */
@Injectable()
export class ListTotals {
  private readonly totals = new Map<string, { total: number; at: number }>();

  constructor(private readonly versions: ChangeVersions) {}

  async total(subject: string, query: string, count: () => Promise<number>): Promise<number> {
    const version = await this.versions.current(subject);
    if (version === null) return count();
    const key = `${subject}\u0000${version}\u0000${query}`;
    const kept = this.totals.get(key);
    if (kept && Date.now() - kept.at < MAX_AGE_MS) return kept.total;
    const total = await count();
    this.totals.delete(key);
    if (this.totals.size >= MAX_ENTRIES) this.totals.delete(this.totals.keys().next().value as string);
    this.totals.set(key, { total, at: Date.now() });
    return total;
  }
}
