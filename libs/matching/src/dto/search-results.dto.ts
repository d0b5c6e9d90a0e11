import { ApiProperty } from '@nestjs/swagger';
import { ORGANIZATION_KINDS, PageMetaDto } from '@app/core';
import { COOPERATION_MODES } from '@app/catalog';
import type { SearchService } from '../search/search.service';
import { FACETS } from './search.dto';

/** One hit of a search, as `SearchService.search` maps it. */
export type SearchHitView = Awaited<ReturnType<SearchService['search']>>['items'][number];

export class SearchHitDto implements SearchHitView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['need', 'result'], description: '技术需求（need）或科技成果（result）' }) type!: 'need' | 'result';
  @ApiProperty() title!: string;
  @ApiProperty({ description: '标题 HTML：用户文字已转义，仅命中词以 <em> 标出' }) titleHighlighted!: string;
  @ApiProperty({ description: '摘要片段 HTML：用户文字已转义，仅命中词以 <em> 标出' }) snippet!: string;
  @ApiProperty({ type: [String] }) keywords!: string[];
  @ApiProperty({ type: String, nullable: true, description: '产业领域' }) field!: string | null;
  @ApiProperty({ description: '地区' }) region!: string;
  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: 9, description: '技术成熟度' }) trl!: number | null;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ type: String, nullable: true }) organizationName!: string | null;
  @ApiProperty({ type: String, enum: ORGANIZATION_KINDS, nullable: true, description: '发布单位类型' }) organizationKind!: string | null;
  @ApiProperty({ enum: COOPERATION_MODES, isArray: true, description: '合作方式' }) cooperationModes!: string[];
  @ApiProperty({ type: Number, nullable: true, description: '成果价格（元）；需求为 null' }) priceYuan!: number | null;
  @ApiProperty({ description: '价格面议' }) priceNegotiable!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: '需求预算下限（元）；成果为 null' }) budgetMinYuan!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '需求预算上限（元）；成果为 null' }) budgetMaxYuan!: number | null;
}

/** A page of hits, with the requested facets' counts. */
export class SearchResultsDto extends PageMetaDto {
  @ApiProperty({ type: [SearchHitDto] }) items!: SearchHitDto[];
  @ApiProperty({
    type: 'object',
    description: `分面统计：分面名称（${FACETS.join('、')}）→ 取值 → 条数；只含请求的分面，无结果时为空对象`,
    additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } },
    example: { field: { 新材料: 12, 生物医药: 3 }, trl: { '6': 4 } },
  })
  facets!: Record<string, Record<string, number>>;
}
