import { ApiProperty } from '@nestjs/swagger';
import type { ReviewsService } from '../reviews.service';

type ExpertAssignment = Awaited<ReturnType<ReviewsService['experts']>>[number];
type ExpertProgress = Awaited<ReturnType<ReviewsService['progress']>>[number];
type RankingRow = Awaited<ReturnType<ReviewsService['ranking']>>[number];
type DeclaredConflict = Awaited<ReturnType<ReviewsService['declareConflict']>>;
type SavedReview = Awaited<ReturnType<ReviewsService['saveReview']>>;

const REVIEW_STATUSES = ['draft', 'submitted'] as const;

/** An expert assigned to a challenge's review. */
export class ChallengeExpertViewDto implements ExpertAssignment {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ format: 'uuid', description: '专家所在单位' }) organizationId!: string;
  @ApiProperty({ type: String, format: 'date-time', description: '指派时间' }) assignedAt!: Date;
}

/** How far one expert has got with a challenge's review. */
export class ExpertReviewProgressDto implements ExpertProgress {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ type: String, nullable: true, description: '专家姓名' }) name!: string | null;
  @ApiProperty({ type: 'integer', description: '评分草稿数' }) drafts!: number;
  @ApiProperty({ type: 'integer', description: '已提交的评审意见数' }) submitted!: number;
}

/** One proposal's place in the ranking of a challenge's review. */
export class ProposalRankingDto implements RankingRow {
  @ApiProperty({ type: 'integer', description: '名次，从 1 开始' }) rank!: number;
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
  @ApiProperty({ format: 'uuid', description: '牵头单位' }) organizationId!: string;
  @ApiProperty({ type: String, nullable: true, description: '牵头单位名称' }) organizationName!: string | null;
  @ApiProperty({ description: '项目负责人' }) leaderName!: string;
  @ApiProperty({ type: 'number', description: '申请经费（元）' }) requestedBudgetYuan!: number;
  @ApiProperty({ type: 'number', nullable: true, description: '综合得分（保留的总分的平均；尚无评分时为 null）' }) score!: number | null;
  @ApiProperty({ type: 'integer', description: '已提交评审意见的专家数' }) experts!: number;
  @ApiProperty({ type: [Number], description: '去掉的总分（五位及以上专家时去掉最高和最低分）' }) dropped!: number[];
  @ApiProperty({ type: [Number], description: '计入的总分' }) kept!: number[];
  @ApiProperty({ type: 'number', nullable: true, description: '分差：最高总分减最低总分' }) spread!: number | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: '各评审标准（按编码）的平均分，与综合得分取同样的评审意见',
    example: { tech: 86.5, team: 80 },
  })
  criterionMeans!: Record<string, number>;
}

export class DeclaredConflictDto implements DeclaredConflict {
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
  @ApiProperty({ description: '利益冲突说明' }) reason!: string;
}

/** An expert's own review of a proposal: scores and comments keyed by criterion. */
export class ReviewViewDto implements SavedReview {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: '各评审标准（按编码）的得分（0–100）',
    example: { tech: 88, team: 75 },
  })
  scores!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: '各评审标准（按编码）的意见' })
  comments!: Record<string, string>;
  @ApiProperty({ type: 'number', description: '加权总分（0–100）' }) total!: number;
  @ApiProperty({ enum: REVIEW_STATUSES }) status!: (typeof REVIEW_STATUSES)[number];
}
