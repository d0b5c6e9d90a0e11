import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQueryDto, trimString } from '@app/core';
import { CONTRACT_KINDS, IsCalendarDate } from '@app/catalog';
import { DISMISS_REASONS } from '../matches/match.entity';
import { ENGAGEMENT_STATUSES, EngagementStatus } from '../engagements/engagement.entity';

const REASON_MESSAGE = `原因须从列表中选择：${DISMISS_REASONS.join('、')}`;

export class CreateEngagementDto {
  @ApiPropertyOptional({ description: '由匹配发起时填写' }) @IsOptional() @IsUUID() matchId?: string;
  @ApiPropertyOptional({ description: '从已发布的技术需求页面发起' }) @IsOptional() @IsUUID() needId?: string;
  @ApiPropertyOptional({ description: '从已发布的科技成果页面发起' }) @IsOptional() @IsUUID() resultId?: string;
  @ApiProperty({ description: '给对方的留言' }) @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(2000) message!: string;
}

/** A reason from the fixed list, and text (required with 其他). */
export class ReasonChoiceDto {
  @ApiProperty({ enum: DISMISS_REASONS })
  @IsIn(DISMISS_REASONS, { context: { message: REASON_MESSAGE } })
  reason!: (typeof DISMISS_REASONS)[number];
  @ApiPropertyOptional({ description: '补充说明（选“其他”时必填）' })
  @ValidateIf((o: ReasonChoiceDto) => o.reason === '其他' || o.note !== undefined)
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  note?: string;
}

export class AbandonDto {
  @ApiProperty() @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
}

export class DealDto {
  @ApiPropertyOptional({ description: '成交的科技成果（由需求发起的对接须填写）' }) @IsOptional() @IsUUID() resultId?: string;
  @ApiProperty({ enum: CONTRACT_KINDS })
  @IsIn(CONTRACT_KINDS, { context: { message: `合同类型不正确（可选：${CONTRACT_KINDS.join('、')}）` } })
  contractKind!: string;
  @ApiProperty({ description: '合同金额（元，整数）' }) @IsInt() @Min(0) @Max(10_000_000_000) amountYuan!: number;
  @ApiProperty({ example: '2026-11-20', description: '签订日期（不能晚于今天）' }) @IsCalendarDate('past') signedOn!: string;
  @ApiPropertyOptional({ description: '技术合同登记号' })
  @IsOptional()
  @Matches(/^[0-9A-Z-]{8,30}$/, { context: { message: '技术合同登记号格式不正确（8–30 位数字、大写字母或“-”）' } })
  contractRegistrationNo?: string;
}

export class EngagementQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['sent', 'received'] }) @IsOptional() @IsIn(['sent', 'received']) role?: 'sent' | 'received';
  @ApiPropertyOptional({ enum: ENGAGEMENT_STATUSES }) @IsOptional() @IsIn(ENGAGEMENT_STATUSES) status?: EngagementStatus;
}
