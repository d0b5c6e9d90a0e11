import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '@app/core';
import { INDUSTRY_FIELDS, ITEM_STATUSES, ItemStatus } from '../catalog.constants';
import { IsCalendarDate, IsIndustryField, RegionFilter, trim } from './validators';

export const ITEM_SORTS = ['publishedAt', 'createdAt', 'updatedAt', 'submittedAt', 'trl', 'qualityScore', 'title', 'price'] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];

const toBool = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

/** Filters of a list and of its export. */
export class ItemFilterDto {
  @ApiPropertyOptional({ enum: INDUSTRY_FIELDS })
  @IsOptional()
  @IsIndustryField()
  field?: string;

  @ApiPropertyOptional({ enum: ITEM_STATUSES, description: '公众只能查看已发布（或已关闭）条目；本单位和科技局可查看全部' })
  @IsOptional()
  @IsIn(ITEM_STATUSES)
  status?: ItemStatus;

  @ApiPropertyOptional({ description: '所在市或县（区）；市包含其下辖县（市、区）' })
  @IsOptional()
  @RegionFilter()
  @IsString()
  @MaxLength(30)
  region?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 9 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(9)
  trlMin?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 9 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(9)
  trlMax?: number;

  @ApiPropertyOptional({ format: 'uuid', description: '发布单位' })
  @IsOptional()
  @IsUUID('all', { context: { message: '不是有效的编号' } })
  organizationId?: string;

  @ApiPropertyOptional({ description: '只看本单位的条目（含草稿）' })
  @IsOptional()
  @Transform(toBool)
  @IsIn([true, false], { context: { message: '必须是 true 或 false' } })
  mine?: boolean;

  @ApiPropertyOptional({ description: '发布日期起（YYYY-MM-DD）' })
  @IsOptional()
  @IsCalendarDate()
  publishedFrom?: string;

  @ApiPropertyOptional({ description: '发布日期止（YYYY-MM-DD，含当天）' })
  @IsOptional()
  @IsCalendarDate()
  publishedTo?: string;

  @ApiPropertyOptional({ description: '创建日期起（YYYY-MM-DD）' })
  @IsOptional()
  @IsCalendarDate()
  createdFrom?: string;

  @ApiPropertyOptional({ description: '创建日期止（YYYY-MM-DD，含当天）' })
  @IsOptional()
  @IsCalendarDate()
  createdTo?: string;

  @ApiPropertyOptional({ description: '标题或正文包含' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ enum: ITEM_SORTS, description: '排序字段（price：需求按预算上限，成果按转让价格）' })
  @IsOptional()
  @IsIn(ITEM_SORTS)
  sort?: ItemSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'] })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

export class ItemListQueryDto extends IntersectionType(PageQueryDto, ItemFilterDto) {}
