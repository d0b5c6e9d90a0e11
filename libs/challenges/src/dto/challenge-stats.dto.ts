import { ApiProperty } from '@nestjs/swagger';
import type { ChallengeStatsService } from '../challenge-stats.service';

type ChallengeFigures = Awaited<ReturnType<ChallengeStatsService['figures']>>;
type CountByYearAndField = ChallengeFigures['challengesByYearAndField'][number];
type ProposalCount = ChallengeFigures['proposalsPerChallenge'][number];

export class ChallengeCountByYearFieldDto implements CountByYearAndField {
  @ApiProperty({ type: 'integer', description: '发布年度' }) year!: number;
  @ApiProperty({ description: '产业领域' }) field!: string;
  @ApiProperty({ type: 'integer', description: '榜单数' }) challenges!: number;
}

export class ChallengeProposalCountDto implements ProposalCount {
  @ApiProperty({ format: 'uuid' }) challengeId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: 'integer', description: '申请数（不含草稿和已撤回）' }) proposals!: number;
}

/** The bureau's figures for open calls (揭榜挂帅). */
export class ChallengeFiguresDto implements ChallengeFigures {
  @ApiProperty({ type: [ChallengeCountByYearFieldDto], description: '各年度各领域已发布的榜单数' })
  challengesByYearAndField!: ChallengeCountByYearFieldDto[];
  @ApiProperty({ type: 'number', description: '已承诺资金（元）：已中榜申请的核定经费之和' }) fundsCommittedYuan!: number;
  @ApiProperty({ type: 'number', description: '已拨付资金（元）：已通过里程碑的金额之和' }) fundsReleasedYuan!: number;
  @ApiProperty({ type: [ChallengeProposalCountDto], description: '各已发布榜单的申请数' })
  proposalsPerChallenge!: ChallengeProposalCountDto[];
  @ApiProperty({ type: 'integer', description: '已验收的榜单数' }) completed!: number;
  @ApiProperty({ type: 'integer', description: '验收不通过的榜单数' }) failed!: number;
  @ApiProperty({ type: 'number', nullable: true, description: '完成率（0–1，三位小数；尚无结果时为 null）' }) completionRate!:
    number | null;
}
