import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CorpusStatsJson } from '../relevance';

/** The corpus statistics (document frequencies) of one search index, as last saved. */
@Entity({ name: 'search_stats' })
export class SearchStats {
  @PrimaryColumn({ type: 'text' }) indexType!: string;
  @Column({ type: 'jsonb' }) stats!: CorpusStatsJson;
  @Column({ type: 'int' }) docCount!: number;
  /** The last change (search_stats_delta) this snapshot holds. */
  @Column({ type: 'bigint', default: 0 }) throughDeltaId!: string;
  /** Term entries in `stats` (compared with the changes' to decide when to fold them in). */
  @Column({ type: 'int', default: 0 }) terms!: number;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
