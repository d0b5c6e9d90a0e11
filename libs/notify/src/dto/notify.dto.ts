import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '@app/core';
import { NOTIFY_EVENT_TYPES } from '../notify-events';

const toBool = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);
const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class InboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '仅未读' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  unreadOnly?: boolean;
}

export class PreferenceItemDto {
  @ApiProperty({ enum: NOTIFY_EVENT_TYPES, example: 'match.created' })
  @IsIn(NOTIFY_EVENT_TYPES, { context: { message: '不是可设置的通知类型' } })
  eventType!: string;

  @ApiProperty({ enum: ['inbox', 'email'], description: 'Webhook 按单位登记，在 Webhook 上选择事件类型' })
  @IsIn(['inbox', 'email'], { context: { message: '接收渠道只能是 inbox（站内信）或 email（邮件）' } })
  channel!: 'inbox' | 'email';

  @ApiProperty({ enum: ['instant', 'digest', 'off'], description: 'digest：每日汇总（仅供需匹配通知的邮件）' })
  @IsIn(['instant', 'digest', 'off'], { context: { message: '接收方式只能是 instant（即时）、digest（每日汇总）或 off（不接收）' } })
  mode!: 'instant' | 'digest' | 'off';
}

export class UpdatePreferencesDto {
  @ApiProperty({ type: [PreferenceItemDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PreferenceItemDto)
  items!: PreferenceItemDto[];
}

export class RegisterWebhookDto {
  @ApiProperty({ example: 'https://erp.example.com/hooks/techtransfer' })
  @Transform(trim)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { context: { message: '不是有效的 http 或 https 网址' } },
  )
  @MaxLength(2000)
  url!: string;

  @ApiPropertyOptional({ example: '企业 ERP 对接' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  description?: string;

  @ApiPropertyOptional({ enum: NOTIFY_EVENT_TYPES, isArray: true, description: '不填：所有事件' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(NOTIFY_EVENT_TYPES, { each: true, context: { message: '包含不支持的事件类型' } })
  eventTypes?: string[];
}
