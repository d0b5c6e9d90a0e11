import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { ADOPTION_STATUSES, CONTRACT_KINDS, COOPERATION_MODES, INDUSTRY_FIELDS, ITEM_STATUSES } from '../catalog.constants';
import type { CatalogReference } from '../catalog.reference';
import type { PrefectureDivision } from '../regions';
import { PATENT_KINDS } from './result-view.dto';

/** A code → Chinese label map, documented with each of its codes. */
const labels = (codes: readonly string[], description: string): ApiPropertyOptions => ({
  type: 'object',
  properties: Object.fromEntries(codes.map((c) => [c, { type: 'string' as const }])),
  required: [...codes],
  description,
});

/** A prefecture-level division of Hubei with its counties and districts. */
export class PrefectureDivisionDto implements PrefectureDivision {
  @ApiProperty({ example: '荆门市', description: '地级行政区' })
  name!: string;

  @ApiProperty({ description: '省直管（仙桃、潜江、天门、神农架）：无下辖县区' })
  provinceAdministered!: boolean;

  @ApiProperty({ type: [String], example: ['东宝区', '掇刀区', '京山市', '钟祥市', '沙洋县'], description: '下辖区、县级市、县' })
  counties!: readonly string[];
}

export class RegionsReferenceDto {
  @ApiProperty({ example: '湖北省' })
  province!: string;

  @ApiProperty({ type: [PrefectureDivisionDto], description: '地级行政区及其下辖县区' })
  prefectures!: readonly PrefectureDivisionDto[];
}

/** The maintained reference data of the three lists. */
export class CatalogReferenceDto implements CatalogReference {
  @ApiProperty({ enum: INDUSTRY_FIELDS, isArray: true, description: '产业领域' })
  fields!: readonly string[];

  @ApiProperty({ enum: COOPERATION_MODES, isArray: true, description: '合作方式' })
  cooperationModes!: readonly string[];

  @ApiProperty({ enum: CONTRACT_KINDS, isArray: true, description: '技术合同类型' })
  contractKinds!: readonly string[];

  @ApiProperty(labels(ITEM_STATUSES, '需求与成果的状态及其中文名称'))
  itemStatuses!: Record<string, string>;

  @ApiProperty(labels(ADOPTION_STATUSES, '转化应用的状态及其中文名称'))
  adoptionStatuses!: Record<string, string>;

  @ApiProperty(labels(PATENT_KINDS, '专利类型及其中文名称'))
  patentKinds!: Record<string, string>;

  @ApiProperty({ description: '专利号格式说明' })
  patentFormat!: string;

  @ApiProperty({ type: 'integer', description: '一次导入的最大数据行数' })
  importMaxRows!: number;

  @ApiProperty({ type: RegionsReferenceDto, description: '湖北省行政区划：需求和成果的所在地只能是其中的地级行政区或县（市、区）' })
  regions!: RegionsReferenceDto;
}
