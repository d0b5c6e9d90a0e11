import { Column, Entity } from 'typeorm';
import { CatalogItem } from './catalog-item.entity';
import { bigintNumber } from './money.util';
import type { Patent } from './patent-number.util';

/** 科技成果: a research result of a university or institute (supply list). */
@Entity({ name: 'result' })
export class Result extends CatalogItem {
  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  patents!: Patent[];

  /** Asking price in fen; null with `priceNegotiable` means 面议. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  askingPriceFen!: number | null;

  @Column({ type: 'boolean', default: false })
  priceNegotiable!: boolean;

  @Column({ type: 'text', nullable: true })
  teamLead!: string | null;
}
