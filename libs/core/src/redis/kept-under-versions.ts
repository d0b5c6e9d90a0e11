import { CappedMap } from '../util/capped-map';
import { ChangeVersions } from './change-versions';

/**
 * Values derived from records, kept in this process under the change versions of the records'
 * subjects (ChangeVersions: raised after each committed change), so that a change shows at once.
 * An entry also expires after `maxAgeMs`, for changes made outside the product (psql); the oldest
 * entries go first beyond `maxEntries`. Inside a transaction, or when Redis cannot give the versions,
 * the value is derived and nothing is kept.
 */
export class KeptUnderVersions<V> {
  private readonly kept: CappedMap<string, { value: V; at: number }>;

  constructor(
    private readonly versions: ChangeVersions,
    maxEntries: number,
    private readonly maxAgeMs: number,
  ) {
    this.kept = new CappedMap(maxEntries);
  }

  /** The value kept under `key`, or derived afresh (and kept, unless `keep` says otherwise). */
  async get(subjects: string[], key: string, derive: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    // Read before deriving: a change committed in between raises the version after this read,
    // so what is derived here is never kept past it.
    const version = await this.versions.currentOf(subjects);
    if (version === null) return derive();
    const versioned = `${subjects.join(',')}\u0000${version}\u0000${key}`;
    const kept = this.kept.get(versioned);
    if (kept && Date.now() - kept.at < this.maxAgeMs) return kept.value;
    const value = await derive();
    if (!keep(value)) return value;
    this.kept.set(versioned, { value, at: Date.now() });
    return value;
  }
}
