import { ApiProperty } from '@nestjs/swagger';
import { ADOPTION_STATUSES, AdoptionStatus, CONTRACT_KINDS, ITEM_STATUSES, ItemStatus } from '../catalog.constants';
import type { CatalogStatsService } from '../catalog-stats.service';

type CatalogFigures = Awaited<ReturnType<CatalogStatsService['figures']>>;
type ListFigures = CatalogFigures['needs'];
type AdoptionFigures = CatalogFigures['adoptions'];

export class ItemStatusCountDto {
  @ApiProperty({ enum: ITEM_STATUSES, description: '状态' })
  status!: ItemStatus;

  @ApiProperty({ example: '已发布', description: '状态的中文名称' })
  label!: string;

  @ApiProperty({ type: 'integer', description: '数量' })
  count!: number;
}

export class CatalogFieldCountDto {
  @ApiProperty({ example: '新材料', description: '产业领域（未填写的记为“未填写”）' })
  field!: string;

  @ApiProperty({ type: 'integer', description: '数量' })
  count!: number;
}

export class CatalogCityCountDto {
  @ApiProperty({ example: '荆门市', description: '地级市（县区计入所在市）' })
  city!: string;

  @ApiProperty({ type: 'integer', description: '数量' })
  count!: number;
}

export class CatalogMonthCountDto {
  @ApiProperty({ example: '2026-03', pattern: '^\\d{4}-\\d{2}$', description: '月份（北京时间）' })
  month!: string;

  @ApiProperty({ type: 'integer', description: '当月发布数量' })
  count!: number;
}

/** Figures of the need list or the result list. */
export class CatalogListFiguresDto implements ListFigures {
  @ApiProperty({ type: [ItemStatusCountDto], description: '各状态数量' })
  byStatus!: ItemStatusCountDto[];

  @ApiProperty({ type: [CatalogFieldCountDto], description: '已发布的按产业领域' })
  publishedByField!: CatalogFieldCountDto[];

  @ApiProperty({ type: [CatalogCityCountDto], description: '已发布的按地级市' })
  publishedByCity!: CatalogCityCountDto[];

  @ApiProperty({ type: [CatalogMonthCountDto], description: '最近十二个月每月发布数量' })
  publishedByMonth!: CatalogMonthCountDto[];
}

export class AdoptionStatusCountDto {
  @ApiProperty({ enum: ADOPTION_STATUSES, description: '状态' })
  status!: AdoptionStatus;

  @ApiProperty({ example: '已确认', description: '状态的中文名称' })
  label!: string;

  @ApiProperty({ type: 'integer', description: '数量' })
  count!: number;
}

export class AdoptionYearFiguresDto {
  @ApiProperty({ type: 'integer', example: 2026, description: '签订年度' })
  year!: number;

  @ApiProperty({ type: 'integer', description: '合同数量' })
  count!: number;

  @ApiProperty({ description: '合同金额（元）' })
  amountYuan!: number;
}

export class AdoptionContractKindFiguresDto {
  @ApiProperty({ enum: CONTRACT_KINDS, description: '合同类型' })
  contractKind!: string;

  @ApiProperty({ type: 'integer', description: '合同数量' })
  count!: number;

  @ApiProperty({ description: '合同金额（元）' })
  amountYuan!: number;
}

export class AdoptionFieldFiguresDto {
  @ApiProperty({ example: '新材料', description: '成果的产业领域（未填写的记为“未填写”）' })
  field!: string;

  @ApiProperty({ type: 'integer', description: '合同数量' })
  count!: number;

  @ApiProperty({ description: '合同金额（元）' })
  amountYuan!: number;
}

/** Figures of the adoption list; amounts count confirmed adoptions only. */
export class AdoptionFiguresDto implements AdoptionFigures {
  @ApiProperty({ type: [AdoptionStatusCountDto], description: '各状态数量' })
  byStatus!: AdoptionStatusCountDto[];

  @ApiProperty({ type: 'integer', description: '已确认的转化应用数量' })
  confirmed!: number;

  @ApiProperty({ description: '已确认的合同金额合计（元）' })
  contractAmountYuan!: number;

  @ApiProperty({ description: '已实现的效益金额合计（元）' })
  realizedBenefitYuan!: number;

  @ApiProperty({ type: [AdoptionYearFiguresDto], description: '按签订年度' })
  byYear!: AdoptionYearFiguresDto[];

  @ApiProperty({ type: [AdoptionContractKindFiguresDto], description: '按合同类型' })
  byContractKind!: AdoptionContractKindFiguresDto[];

  @ApiProperty({ type: [AdoptionFieldFiguresDto], description: '按成果的产业领域' })
  byField!: AdoptionFieldFiguresDto[];
}

/** The bureau's figures of the three lists. */
export class CatalogFiguresDto implements CatalogFigures {
  @ApiProperty({ type: CatalogListFiguresDto, description: '技术需求' })
  needs!: CatalogListFiguresDto;

  @ApiProperty({ type: CatalogListFiguresDto, description: '科技成果' })
  results!: CatalogListFiguresDto;

  @ApiProperty({ type: AdoptionFiguresDto, description: '成果转化应用' })
  adoptions!: AdoptionFiguresDto;
}
