import { ApiProperty } from '@nestjs/swagger';
import type { NeedView } from '../needs.service';
import { ItemBaseViewDto } from './item-view.dto';

/** A technology need (技术需求) as the API answers it. */
export class NeedViewDto extends ItemBaseViewDto implements NeedView {
  @ApiProperty({ description: '需求描述' })
  description!: string;

  @ApiProperty({ type: Number, nullable: true, description: '预算下限（元）' })
  budgetMinYuan!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: '预算上限（元）' })
  budgetMaxYuan!: number | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-12-31', description: '截止日期' })
  deadline!: string | null;
}
