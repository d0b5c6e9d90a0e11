import { ApiProperty } from '@nestjs/swagger';
import { ORGANIZATION_KINDS, OrganizationKind } from '@app/core';
import { CHALLENGE_STATUSES, ChallengeStatus, Criterion, Objective } from '../challenge.constants';
import type { ChallengeView } from '../challenge.mapper';
import type { AwardsService } from '../awards.service';
import type { ChallengesService } from '../challenges.service';

type ChallengeDetail = Awaited<ReturnType<ChallengesService['get']>>;
type PublicWinner = ChallengeDetail['winners'][number];
type AwardResult = Awaited<ReturnType<AwardsService['award']>>;
type AwardedWinner = AwardResult['winners'][number];

export class ChallengeObjectiveDto implements Objective {
  @ApiProperty({ description: '指标', example: '电池能量密度' }) indicator!: string;
  @ApiProperty({ description: '目标值', example: '≥300' }) target!: string;
  @ApiProperty({ description: '单位', example: 'Wh/kg' }) unit!: string;
}

export class ChallengeCriterionDto implements Criterion {
  @ApiProperty({ description: '评审标准编码', example: 'tech' }) key!: string;
  @ApiProperty({ description: '评审标准名称' }) name!: string;
  @ApiProperty({ type: 'integer', description: '权重，全部标准之和为 100' }) weight!: number;
}

/** A challenge (榜单) as the API answers it; amounts in yuan. */
export class ChallengeViewDto implements ChallengeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: '榜单背景' }) background!: string;
  @ApiProperty({ description: '产业领域' }) field!: string;
  @ApiProperty({ type: [ChallengeObjectiveDto], description: '攻关目标及可量化指标' }) objectives!: ChallengeObjectiveDto[];
  @ApiProperty({ type: 'number', description: '财政资金上限（元）' }) budgetCapYuan!: number;
  @ApiProperty({ type: 'number', description: '企业配套资金（元）' }) matchingFundsYuan!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '来源企业技术需求' }) sourceNeedId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '联合出资企业' }) coFunderOrganizationId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', description: '申报开始时间' }) opensAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', description: '申报截止时间' }) closesAt!: Date;
  @ApiProperty({ type: 'integer', description: '实施周期（月）' }) durationMonths!: number;
  @ApiProperty({ enum: ORGANIZATION_KINDS, isArray: true, description: '可揭榜的单位类型' }) eligibleKinds!: OrganizationKind[];
  @ApiProperty({ type: [String], description: '限定地区（空为不限）' }) eligibleRegions!: string[];
  @ApiProperty({ description: '仅限已认证单位' }) verifiedOnly!: boolean;
  @ApiProperty({ description: '预期成果与交付物' }) deliverables!: string;
  @ApiProperty({ type: [ChallengeCriterionDto], description: '评审标准及权重' }) criteria!: ChallengeCriterionDto[];
  @ApiProperty({ type: 'integer', description: '公示期（天）' }) publicityDays!: number;
  @ApiProperty({ enum: CHALLENGE_STATUSES }) status!: ChallengeStatus;
  @ApiProperty({ description: '状态名称', example: '揭榜中' }) statusLabel!: string;
  @ApiProperty({ type: String, nullable: true, description: '撤榜或验收不通过的原因' }) statusReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '公示期结束时间' }) noticeEndsAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '评定结果确认时间' }) finalizedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '验收通过时间' }) completedAt!: Date | null;
}

/** A winner named publicly from the notice period on. */
export class ChallengeWinnerDto implements PublicWinner {
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
  @ApiProperty({ format: 'uuid', description: '牵头单位' }) organizationId!: string;
  @ApiProperty({ type: String, nullable: true, description: '牵头单位名称' }) organizationName!: string | null;
  @ApiProperty({ type: 'array', items: { type: 'string', nullable: true }, description: '联合体成员单位名称' })
  partnerOrganizationNames!: (string | null)[];
  @ApiProperty({ description: '挂帅人' }) leaderName!: string;
  @ApiProperty({ type: 'number', description: '核定经费（元）' }) awardedBudgetYuan!: number;
}

export class ChallengeDetailDto extends ChallengeViewDto implements ChallengeDetail {
  @ApiProperty({ type: [ChallengeWinnerDto], description: '中榜单位（公示期起公开；此前为空）' }) winners!: ChallengeWinnerDto[];
}

export class AwardedWinnerDto implements AwardedWinner {
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
  @ApiProperty({ type: 'integer', description: '核定经费（元）' }) budgetYuan!: number;
}

/** The challenge after the award, with the winners just named. */
export class ChallengeAwardDto extends ChallengeViewDto implements AwardResult {
  @ApiProperty({ type: [AwardedWinnerDto], description: '中榜单位及核定经费' }) winners!: AwardedWinnerDto[];
}
