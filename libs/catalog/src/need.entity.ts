import { Column, Entity } from 'typeorm';
import { CatalogItem } from './catalog-item.entity';
import { bigintNumber } from './money.util';

/** 技术需求: an enterprise's technical need (demand list). */
@Entity({ name: 'need' })
export class Need extends CatalogItem {
  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  budgetMinFen!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  budgetMaxFen!: number | null;

  /** Date (YYYY-MM-DD) by which the enterprise wants it solved. */
  @Column({ type: 'date', nullable: true })
  deadline!: string | null;
}
