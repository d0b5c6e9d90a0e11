import { ApiProperty } from '@nestjs/swagger';
import type { ChallengeFiguresService } from '../figures/challenge-figures.service';
import type { ContractFiguresService } from '../figures/contract-figures.service';
import type { FunnelFiguresService } from '../figures/funnel-figures.service';
import type { ListFiguresService } from '../figures/list-figures.service';
import type { OrganizationFiguresService } from '../figures/organization-figures.service';
import type { PublicFiguresService } from '../figures/public-figures.service';
import type { ScopeEcho } from '../figures/sql';

type Lists = Awaited<ReturnType<ListFiguresService['figures']>>;
type Funnel = Awaited<ReturnType<FunnelFiguresService['figures']>>;
type Contracts = Awaited<ReturnType<ContractFiguresService['figures']>>;
type Challenges = Awaited<ReturnType<ChallengeFiguresService['figures']>>;
type Organizations = Awaited<ReturnType<OrganizationFiguresService['figures']>>;
type PublicFigures = Awaited<ReturnType<PublicFiguresService['figures']>>;
type NeedList = Lists['needs'];
type ResultList = Lists['results'];
type Conversion = Lists['conversion'];

export class StatsScopeDto implements ScopeEcho {
  @ApiProperty({ example: '2026年第1季度', description: '统计期间' }) periodLabel!: string;
  @ApiProperty({ format: 'date', description: '起始日期（含，北京时间）' }) from!: string;
  @ApiProperty({ format: 'date', description: '截止日期（含）' }) to!: string;
  @ApiProperty({ type: String, nullable: true, description: '县（市、区）；全市为 null' }) county!: string | null;
  @ApiProperty({ example: '荆门市（含各县市区）', description: '统计地区' }) place!: string;
  @ApiProperty({ type: String, nullable: true, description: '产业领域；全部为 null' }) field!: string | null;
}

export class CountEntryDto {
  @ApiProperty({ description: '分组（产业领域、县市区或月份 YYYY-MM）' }) key!: string;
  @ApiProperty({ type: 'integer' }) count!: number;
}

class ListFiguresBase {
  @ApiProperty({ type: 'integer', description: '期末在库：期末前已发布且期末时未关闭' }) published!: number;
  @ApiProperty({ type: 'integer', description: '新增：统计期内发布' }) new!: number;
  @ApiProperty({ type: 'integer', description: '关闭：统计期内关闭' }) closed!: number;
  @ApiProperty({ type: [CountEntryDto], description: '新增按产业领域' }) newByField!: CountEntryDto[];
  @ApiProperty({ type: [CountEntryDto], description: '新增按县（市、区）；地区只写到市的记为“市本级”' }) newByCounty!: CountEntryDto[];
  @ApiProperty({ type: [CountEntryDto], description: '新增按月份' }) newByMonth!: CountEntryDto[];
}

export class NeedListFiguresDto extends ListFiguresBase implements NeedList {
  @ApiProperty({ type: 'integer', description: '已对接成交的需求数（成交合同签订于统计期内）' }) met!: number;
}

export class ResultListFiguresDto extends ListFiguresBase implements ResultList {
  @ApiProperty({ type: 'integer', description: '已转化应用的成果数（科技局确认的应用、合同签订于统计期内）' }) applied!: number;
}

export class ConversionDto implements Conversion {
  @ApiProperty({ type: 'integer', description: '统计期内新发布的科技成果数' }) publishedResults!: number;
  @ApiProperty({ type: 'integer', description: '其中已有认定登记技术合同的' }) convertedResults!: number;
  @ApiProperty({ type: Number, nullable: true, description: '成果转化率（0–1，四位小数；无新发布成果时为 null）' }) rate!: number | null;
  @ApiProperty({ description: '口径说明' }) definition!: string;
}

export class ListsFiguresDto implements Lists {
  @ApiProperty({ type: StatsScopeDto }) scope!: StatsScopeDto;
  @ApiProperty({ type: NeedListFiguresDto, description: '需求清单' }) needs!: NeedListFiguresDto;
  @ApiProperty({ type: ResultListFiguresDto, description: '供给清单（科技成果）' }) results!: ResultListFiguresDto;
  @ApiProperty({ type: ConversionDto, description: '成果转化率' }) conversion!: ConversionDto;
}

export class FunnelStepDto {
  @ApiProperty({ enum: ['matches', 'requested', 'accepted', 'deals', 'certified'] }) key!: string;
  @ApiProperty({ example: '对接请求' }) label!: string;
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ type: Number, nullable: true, description: '较上一环节的转化率（0–1；第一环节为 null）' }) conversion!: number | null;
}

export class FunnelResponseDto {
  @ApiProperty({ format: 'uuid', description: '被请求方单位' }) organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ type: Number, nullable: true, description: '答复时间中位数（小时；尚无答复为 null）' }) medianHours!: number | null;
  @ApiProperty({ type: 'integer' }) answered!: number;
  @ApiProperty({ type: 'integer', description: '待答复' }) waiting!: number;
}

export class FunnelFiguresDto implements Funnel {
  @ApiProperty({ type: StatsScopeDto }) scope!: StatsScopeDto;
  @ApiProperty({ type: [FunnelStepDto], description: '匹配 → 对接请求 → 被接受 → 成交 → 合同已认定登记' }) steps!: FunnelStepDto[];
  @ApiProperty({ type: 'integer', description: '已答复的请求数' }) answered!: number;
  @ApiProperty({ type: Number, nullable: true, description: '答复时间中位数（小时，一位小数）' }) medianResponseHours!: number | null;
  @ApiProperty({ type: [FunnelResponseDto], description: '各被请求单位的答复时间（中位数短的在前，至多 50 个）' })
  responseByOrganization!: FunnelResponseDto[];
  @ApiProperty({ description: '口径说明' }) definition!: string;
}

export class ContractSumDto {
  @ApiProperty({ type: 'integer', description: '合同数' }) count!: number;
  @ApiProperty({ description: '技术交易额（元）' }) techAmountYuan!: number;
  @ApiProperty({ description: '合同金额（元）' }) amountYuan!: number;
}

export class ContractBreakdownDto extends ContractSumDto {
  @ApiProperty({ description: '分组（合同类别、产业领域、县市区、单位类型或月份）' }) key!: string;
}

export class ContractFiguresDto implements Contracts {
  @ApiProperty({ type: StatsScopeDto }) scope!: StatsScopeDto;
  @ApiProperty({ type: ContractSumDto, description: '认定登记的技术合同合计' }) total!: ContractSumDto;
  @ApiProperty({ type: [ContractBreakdownDto], description: '按技术合同类别（技术开发、技术转让、技术咨询、技术服务）' })
  byKind!: ContractBreakdownDto[];
  @ApiProperty({ type: [ContractBreakdownDto], description: '按产业领域' }) byField!: ContractBreakdownDto[];
  @ApiProperty({ type: [ContractBreakdownDto], description: '按买方所在县（市、区）' }) byCounty!: ContractBreakdownDto[];
  @ApiProperty({ type: [ContractBreakdownDto], description: '按买方单位类型' }) byBuyerKind!: ContractBreakdownDto[];
  @ApiProperty({ type: [ContractBreakdownDto], description: '按卖方单位类型' }) bySellerKind!: ContractBreakdownDto[];
  @ApiProperty({ type: [ContractBreakdownDto], description: '按登记月份' }) byMonth!: ContractBreakdownDto[];
  @ApiProperty({ type: 'integer', description: '待认定登记的合同数（当前，不限期间）' }) awaitingCertification!: number;
  @ApiProperty({ type: 'integer', description: '被退回待修改的合同数（当前，不限期间）' }) returned!: number;
  @ApiProperty({ description: '口径说明' }) definition!: string;
}

export class ChallengeYearFieldDto {
  @ApiProperty({ type: 'integer', description: '发布年度' }) year!: number;
  @ApiProperty({ description: '产业领域' }) field!: string;
  @ApiProperty({ type: 'integer', description: '榜单数' }) challenges!: number;
}

export class ChallengeProposalsDto {
  @ApiProperty({ format: 'uuid' }) challengeId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() field!: string;
  @ApiProperty({ type: 'integer', description: '申请数（不含草稿和已撤回）' }) proposals!: number;
}

export class ChallengeFiguresDto implements Challenges {
  @ApiProperty({ type: StatsScopeDto }) scope!: StatsScopeDto;
  @ApiProperty({ type: 'integer', description: '统计期内发布的榜单数' }) published!: number;
  @ApiProperty({ type: [ChallengeYearFieldDto], description: '各年度各领域发布的榜单数' })
  challengesByYearAndField!: ChallengeYearFieldDto[];
  @ApiProperty({ type: [ChallengeProposalsDto], description: '统计期内发布的各榜单的申请数' })
  proposalsPerChallenge!: ChallengeProposalsDto[];
  @ApiProperty({ type: 'integer', description: '重点支持项目数：统计期内确认揭榜结果的榜单数' }) supported!: number;
  @ApiProperty({ description: '已承诺资金（元）' }) fundsCommittedYuan!: number;
  @ApiProperty({ description: '已拨付资金（元）' }) fundsReleasedYuan!: number;
  @ApiProperty({ type: 'integer', description: '统计期内通过最终验收的榜单数' }) completed!: number;
  @ApiProperty({ type: 'integer', description: '统计期内未通过验收的榜单数' }) failed!: number;
  @ApiProperty({ type: Number, nullable: true, description: '完成率（0–1；无结果时为 null）' }) completionRate!: number | null;
  @ApiProperty({ description: '口径说明' }) definition!: string;
}

export class OrganizationKindFiguresDto {
  @ApiProperty({ enum: ['enterprise', 'university', 'institute'] }) kind!: 'enterprise' | 'university' | 'institute';
  @ApiProperty({ example: '企业' }) label!: string;
  @ApiProperty({ type: 'integer', description: '期末已认证' }) verified!: number;
  @ApiProperty({ type: 'integer', description: '统计期内新认证' }) newlyVerified!: number;
  @ApiProperty({ type: 'integer', description: '统计期内活跃' }) active!: number;
}

export class OrganizationCountyFiguresDto {
  @ApiProperty({ description: '县（市、区）；地区只写到市的为“市本级”' }) county!: string;
  @ApiProperty({ type: 'integer' }) enterprise!: number;
  @ApiProperty({ type: 'integer' }) university!: number;
  @ApiProperty({ type: 'integer' }) institute!: number;
  @ApiProperty({ type: 'integer' }) total!: number;
}

export class OrganizationTotalsDto {
  @ApiProperty({ type: 'integer' }) verified!: number;
  @ApiProperty({ type: 'integer' }) newlyVerified!: number;
  @ApiProperty({ type: 'integer' }) active!: number;
}

export class OrganizationFiguresDto implements Organizations {
  @ApiProperty({ type: StatsScopeDto }) scope!: StatsScopeDto;
  @ApiProperty({ type: [OrganizationKindFiguresDto], description: '按单位类型' }) byKind!: OrganizationKindFiguresDto[];
  @ApiProperty({ type: [OrganizationCountyFiguresDto], description: '期末已认证单位按县（市、区）和类型' })
  byCounty!: OrganizationCountyFiguresDto[];
  @ApiProperty({ type: OrganizationTotalsDto }) totals!: OrganizationTotalsDto;
  @ApiProperty({ description: '口径说明' }) definition!: string;
}

export class PublicFiguresDto implements PublicFigures {
  @ApiProperty({ type: 'integer', example: 2026, description: '年度（北京时间）' }) year!: number;
  @ApiProperty({ type: 'integer', description: '已发布的科技成果' }) publishedResults!: number;
  @ApiProperty({ type: 'integer', description: '已发布的技术需求' }) publishedNeeds!: number;
  @ApiProperty({ type: 'integer', description: '本年度认定登记的技术合同数' }) certifiedContracts!: number;
  @ApiProperty({ description: '本年度认定登记的技术合同成交额（技术交易额，元）' }) certifiedTechAmountYuan!: number;
}
