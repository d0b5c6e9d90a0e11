import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto, trimString } from '@app/core';
import { COOPERATION_MODES, INDUSTRY_FIELDS } from '@app/catalog';

const toArray = ({ value }: { value: unknown }): unknown =>
  value === undefined ? undefined : Array.isArray(value) ? value : String(value).split(',');
export const FACETS = ['field', 'region', 'trl', 'cooperationModes', 'orgKind'] as const;
export type Facet = (typeof FACETS)[number];
export const SEARCH_SORTS = ['relevance', 'newest', 'trl', 'price-asc', 'price-desc'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** Every filter is a typed, validated value; none is ever pasted into a filter expression as text. */
export class SearchQueryDto extends PageQueryDto {
  @ApiProperty({ enum: ['need', 'result'], description: '搜索技术需求（need）或科技成果（result）' })
  @IsIn(['need', 'result'], { context: { message: '只能是 need 或 result' } })
  type!: 'need' | 'result';

  @ApiPropertyOptional({ description: '关键词（最多 200 字）' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: INDUSTRY_FIELDS })
  @IsOptional()
  @IsIn(INDUSTRY_FIELDS, { context: { message: '不是平台维护的产业领域' } })
  field?: string;

  @ApiPropertyOptional({ example: '荆门市' })
  @IsOptional()
  @Matches(/^[\u4e00-\u9fa5]{1,20}$/, { context: { message: '应为地区名称，如“荆门市”' } })
  region?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 9 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(9) trlMin?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 9 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(9) trlMax?: number;

  @ApiPropertyOptional({ description: '价格/预算下限（元）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000_000_000)
  priceMinYuan?: number;
  @ApiPropertyOptional({ description: '价格/预算上限（元）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000_000_000)
  priceMaxYuan?: number;

  @ApiPropertyOptional({ enum: COOPERATION_MODES, isArray: true, description: '合作方式（逗号分隔，任一即可）' })
  @IsOptional()
  @Transform(toArray)
  @IsArray()
  @ArrayMaxSize(6)
  @IsIn(COOPERATION_MODES, { each: true, context: { message: '不是平台支持的合作方式' } })
  modes?: string[];

  @ApiPropertyOptional({ enum: ['enterprise', 'university', 'institute'] })
  @IsOptional()
  @IsIn(['enterprise', 'university', 'institute'])
  orgKind?: string;

  @ApiPropertyOptional({
    enum: SEARCH_SORTS,
    default: 'relevance',
    description:
      '排序：relevance 相关度（默认）、newest 最新发布、trl 技术成熟度从高到低、price-asc / price-desc 价格（需求按预算上限）从低到高 / 从高到低',
  })
  @IsOptional()
  @IsIn(SEARCH_SORTS, { context: { message: '只能是 relevance、newest、trl、price-asc 或 price-desc' } })
  sort?: SearchSort;

  @ApiPropertyOptional({
    enum: FACETS,
    isArray: true,
    description: '需要统计的分面（逗号分隔）；不传则不统计（统计会使搜索变慢，只在页面显示时请求）',
  })
  @IsOptional()
  @Transform(toArray)
  @IsArray()
  @IsIn(FACETS, { each: true, context: { message: '不支持的分面名称' } })
  facets?: Facet[];
}
