import { ApiProperty } from '@nestjs/swagger';
import type { NotificationView } from '../inbox/inbox.service';
import { NOTIFY_EVENT_TYPES, WEBHOOK_DISABLED } from '../notify-events';
import type { PreferenceChannel, PreferenceMode } from '../notify.entities';
import type { PreferenceItem, PreferencesService } from '../preferences/preferences.service';

type Preferences = Awaited<ReturnType<PreferencesService['get']>>;
type PreferenceSetting = Preferences['items'][number];

/** Every channel and mode with its meaning (Records, so a new one cannot be left out). */
const CHANNEL_LABELS: Record<PreferenceChannel, string> = { inbox: '站内信', email: '邮件' };
const MODE_LABELS: Record<PreferenceMode, string> = { instant: '即时', digest: '每日汇总', off: '不接收' };
const labelled = (labels: Record<string, string>): string =>
  Object.entries(labels)
    .map(([k, v]) => `${k}：${v}`)
    .join('；');

export class NotificationDto implements NotificationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: [...NOTIFY_EVENT_TYPES, WEBHOOK_DISABLED], description: '事件类型' }) eventType!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true, description: '相关页面的链接' }) link!: string | null;
  @ApiProperty({ description: '是否已读' }) read!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '读取时间' }) readAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class UnreadCountDto {
  @ApiProperty({ type: 'integer', description: '未读通知数' }) unread!: number;
}

export class ReadAllResultDto {
  @ApiProperty({ type: 'integer', description: '本次标为已读的条数' }) updated!: number;
}

export class PreferenceSettingDto implements PreferenceItem, PreferenceSetting {
  @ApiProperty({ enum: NOTIFY_EVENT_TYPES, example: 'match.created' }) eventType!: string;
  @ApiProperty({ enum: Object.keys(CHANNEL_LABELS), description: labelled(CHANNEL_LABELS) }) channel!: PreferenceChannel;
  @ApiProperty({ enum: Object.keys(MODE_LABELS), description: labelled(MODE_LABELS) }) mode!: PreferenceMode;
  @ApiProperty({ description: '可否选每日汇总（仅供需匹配通知的邮件）' }) digestAllowed!: boolean;
}

/** Every event type on each channel, with the caller's effective mode. */
export class PreferencesDto implements Preferences {
  @ApiProperty({ type: [PreferenceSettingDto] }) items!: PreferenceSettingDto[];
}
