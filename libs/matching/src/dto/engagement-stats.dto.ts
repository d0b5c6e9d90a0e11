import { ApiProperty } from '@nestjs/swagger';
import type { EngagementStatsService } from '../engagements/engagement-stats.service';

/** The bureau's engagement figures, as `EngagementStatsService.figures` answers them. */
export type EngagementFigures = Awaited<ReturnType<EngagementStatsService['figures']>>;
type Funnel = EngagementFigures['funnel'];
type ResponseTime = EngagementFigures['responseTimes'][number];

export class EngagementFunnelDto implements Funnel {
  @ApiProperty({ type: 'integer', description: '匹配数' }) matched!: number;
  @ApiProperty({ type: 'integer', description: '对接请求数' }) requested!: number;
  @ApiProperty({ type: 'integer', description: '被接受数' }) accepted!: number;
  @ApiProperty({ type: 'integer', description: '成交数' }) deal!: number;
}

export class EngagementResponseTimeDto implements ResponseTime {
  @ApiProperty({ format: 'uuid', description: '被邀请方单位' }) organizationId!: string;
  @ApiProperty({ type: String, nullable: true }) organizationName!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '答复时间中位数（小时，一位小数；尚无答复为 null）' }) medianHours!:
    number | null;
  @ApiProperty({ type: 'integer', description: '已答复的请求数' }) answered!: number;
  @ApiProperty({ type: 'integer', description: '待答复的请求数' }) waiting!: number;
}

export class EngagementFiguresDto implements EngagementFigures {
  @ApiProperty({ type: EngagementFunnelDto, description: '对接漏斗' }) funnel!: EngagementFunnelDto;
  @ApiProperty({ type: [EngagementResponseTimeDto], description: '各单位的响应时间（中位数短的在前）' })
  responseTimes!: EngagementResponseTimeDto[];
}
