import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CorpusStatsJson } from '../relevance';

/** The corpus statistics (document frequencies) of one search index, as last saved. */
@Entity({ name: 'search_stats' })
export class SearchStats {
  @PrimaryColumn({ type: 'text' }) indexType!: string;
  @Column({ type: 'jsonb' }) stats!: CorpusStatsJson;
  @Column({ type: 'int' }) docCount!: number;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
