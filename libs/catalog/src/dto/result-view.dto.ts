import { ApiProperty } from '@nestjs/swagger';
import { Patent, PATENT_KIND_LABELS, PatentKind } from '../patent-number.util';
import type { ResultView } from '../results.service';
import { ItemBaseViewDto } from './item-view.dto';

export const PATENT_KINDS = Object.keys(PATENT_KIND_LABELS) as PatentKind[];

/** A patent of a result, normalized, with its kind. */
export class PatentViewDto implements Patent {
  @ApiProperty({ example: 'CN202310123456.6', description: '专利号（规范化后）' })
  number!: string;

  @ApiProperty({ enum: PATENT_KINDS, description: '专利类型' })
  kind!: PatentKind;

  @ApiProperty({ example: '发明专利', description: '专利类型的中文名称' })
  kindLabel!: string;
}

/** A technology result (科技成果) as the API answers it. */
export class ResultViewDto extends ItemBaseViewDto implements ResultView {
  @ApiProperty({ description: '成果简介' })
  summary!: string;

  @ApiProperty({ type: [PatentViewDto], description: '相关专利' })
  patents!: PatentViewDto[];

  @ApiProperty({ type: Number, nullable: true, description: '转让价格（元）；面议时为空' })
  askingPriceYuan!: number | null;

  @ApiProperty({ description: '价格面议' })
  priceNegotiable!: boolean;

  @ApiProperty({ type: String, nullable: true, description: '团队负责人' })
  teamLead!: string | null;
}
