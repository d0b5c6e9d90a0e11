import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { MatchedTerm } from '../relevance';
import type { StructuredFactors } from '../matches/match-factors.util';
import { EXPLANATION_FITS, EXPLANATION_TOPICS, type ExplanationLine } from '../matches/match-explanation';
import { DISMISS_REASONS, DismissReason, Match, MatchReasons } from '../matches/match.entity';
import type { MatchesService } from '../matches/matches.service';

/** What `MatchesService` answers, as it maps it. */
export type MatchView = Awaited<ReturnType<MatchesService['list']>>['items'][number];
type MatchCounterpart = NonNullable<MatchView['counterpart']>;
export type MatchDismissal = Awaited<ReturnType<MatchesService['dismiss']>>;
export type DismissedMatchView = Awaited<ReturnType<MatchesService['dismissedFor']>>['items'][number];

export class MatchedTermDto implements MatchedTerm {
  @ApiProperty({ description: '在对方文本中出现的词' }) term!: string;
  @ApiPropertyOptional({ description: '该词是同义词时，对应的本方原词' }) via?: string;
}

export class MatchFactorsDto implements StructuredFactors {
  @ApiProperty({ type: Boolean, nullable: true, description: '产业领域相同（任一方未填为 null）' }) sameField!: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true, description: '成果技术成熟度达到需求的要求（任一方未填为 null）' })
  trlMeetsNeed!: boolean | null;
  @ApiProperty({
    oneOf: [{ type: 'boolean' }, { type: 'string', enum: ['negotiable'] }],
    nullable: true,
    description: '价格在预算内：true / false；negotiable 为面议；任一方未知为 null',
  })
  priceWithinBudget!: boolean | 'negotiable' | null;
  @ApiProperty({ type: [String], description: '双方都接受的合作方式' }) commonModes!: string[];
  @ApiProperty({ enum: ['same', 'neighbour', 'other'], description: '地区：同一地市、相邻地市或其他' })
  region!: 'same' | 'neighbour' | 'other';
}

export class MatchReasonsDto implements MatchReasons {
  @ApiProperty({ type: [MatchedTermDto], description: '一方的关键技术词在另一方文本中出现的（不含泛用词，不含截断的词）' })
  terms!: MatchedTermDto[];
  @ApiProperty({ type: MatchFactorsDto, description: '结构化因素' }) factors!: MatchFactorsDto;
}

/** One reason of a match as a person reads it. */
export class ExplanationLineDto implements ExplanationLine {
  @ApiProperty({
    enum: EXPLANATION_TOPICS,
    description:
      '所说的方面：keywords 关键词、terms 共同技术词、synonym 同义词、field 领域、trl 技术成熟度、price 价格与预算、modes 合作方式、region 地区',
  })
  topic!: ExplanationLine['topic'];
  @ApiProperty({
    enum: EXPLANATION_FITS,
    description: '该方面是否相符：good 相符、partial 部分相符或待商定、poor 不相符、info 仅为事实（供图标使用，不必展示给用户）',
  })
  fit!: ExplanationLine['fit'];
  @ApiProperty({ description: '中文短句，可直接展示', example: '成果中出现需求的关键词：磷石膏、晶型调控' }) text!: string;
}

/** The other side of a match: its public summary. */
export class MatchCounterpartDto implements MatchCounterpart {
  @ApiProperty({ enum: ['need', 'result'], description: '对方是技术需求（need）还是科技成果（result）' }) type!: 'need' | 'result';
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ type: String, nullable: true }) organizationName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '产业领域' }) field!: string | null;
  @ApiProperty({ description: '地区' }) region!: string;
  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: 9, description: '技术成熟度' }) trl!: number | null;
}

export class MatchViewDto implements MatchView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) needId!: string;
  @ApiProperty({ format: 'uuid' }) resultId!: string;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, description: '匹配得分（文本得分经结构化因素调整）' }) score!: number;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, description: '文本相关度得分' }) textScore!: number;
  @ApiProperty({ type: MatchReasonsDto, description: '匹配理由（结构化，供程序使用）' }) reasons!: MatchReasonsDto;
  @ApiProperty({
    type: [ExplanationLineDto],
    description: '匹配理由的中文短句（共同关键词、领域、技术成熟度、价格与预算、合作方式、地区），按重要性排列',
  })
  explanation!: ExplanationLineDto[];
  @ApiProperty({ type: String, format: 'date-time', description: '计算时间' }) computedAt!: Date;
  @ApiProperty({ type: MatchCounterpartDto, nullable: true, description: '对方的公开摘要（已不可见时为 null）' })
  counterpart!: MatchCounterpartDto | null;
}

/**
 * The answer to marking a match not relevant. Its `status` is always 'dismissed', though the
 * service's inferred type (narrowed before the assignment) says 'active' | 'retired'.
 */
export class MatchDismissalDto implements Omit<MatchDismissal, 'status'> {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['dismissed'], description: '标记后恒为 dismissed' }) status!: Match['status'];
  @ApiProperty({ enum: DISMISS_REASONS }) dismissReason!: DismissReason;
  @ApiProperty({ type: String, nullable: true, description: '补充说明' }) dismissNote!: string | null;
}

export class DismissedMatchViewDto implements DismissedMatchView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) needId!: string;
  @ApiProperty({ format: 'uuid' }) resultId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '标记不相关的单位' }) dismissedByOrganizationId!: string | null;
  @ApiProperty({ enum: DISMISS_REASONS, nullable: true, description: '原因' }) reason!: DismissReason | null;
  @ApiProperty({ type: String, nullable: true, description: '补充说明' }) note!: string | null;
}
