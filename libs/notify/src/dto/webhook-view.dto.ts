import { ApiProperty } from '@nestjs/swagger';
import { NOTIFY_EVENT_TYPES } from '../notify-events';
import type { DeliveryStatus } from '../notify.entities';
import type { WebhookEndpointView, WebhooksService } from '../webhooks/webhooks.service';

/** One delivery of the log, as `WebhooksService.deliveries` maps it. */
export type WebhookDeliveryView = Awaited<ReturnType<WebhooksService['deliveries']>>['items'][number];
type WebhookAttemptView = WebhookDeliveryView['attempts'][number];
type RegisteredWebhook = Awaited<ReturnType<WebhooksService['register']>>;

/** Every delivery status, with its meaning (a Record, so a new status cannot be left out). */
const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: '待投递',
  sending: '投递中',
  sent: '已送达',
  failed: '失败',
  unknown: '结果未知',
  digest: '并入每日汇总',
};
const DELIVERY_STATUSES = Object.keys(DELIVERY_STATUS_LABELS) as DeliveryStatus[];

export class WebhookEndpointDto implements WebhookEndpointView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'https://erp.example.com/hooks/techtransfer' }) url!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: NOTIFY_EVENT_TYPES, isArray: true, description: '接收的事件类型（空：所有事件）' }) eventTypes!: string[];
  @ApiProperty({ description: '是否启用（连续投递失败会自动停用）' }) enabled!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '停用时间' }) disabledAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '停用原因' }) disabledReason!: string | null;
  @ApiProperty({ type: 'integer', description: '连续投递失败次数' }) consecutiveFailures!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** The answer to registering an endpoint: the only time its signing secret is shown. */
export class RegisteredWebhookDto extends WebhookEndpointDto implements RegisteredWebhook {
  @ApiProperty({ description: '签名密钥（只显示这一次，请妥善保存）' }) secret!: string;
}

export class WebhookAttemptDto implements WebhookAttemptView {
  @ApiProperty({ type: 'integer', description: '第几次尝试，从 1 开始' }) attempt!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'HTTP 状态码（未得到响应为 null）' }) statusCode!: number | null;
  @ApiProperty({ type: String, nullable: true, description: '错误信息' }) error!: string | null;
  @ApiProperty({ type: 'integer', description: '耗时（毫秒）' }) durationMs!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class WebhookDeliveryDto implements WebhookDeliveryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: '事件编号' }) eventId!: string;
  @ApiProperty({ enum: NOTIFY_EVENT_TYPES, description: '事件类型' }) eventType!: string;
  @ApiProperty({
    enum: DELIVERY_STATUSES,
    description: DELIVERY_STATUSES.map((s) => `${s}：${DELIVERY_STATUS_LABELS[s]}`).join('；'),
  })
  status!: DeliveryStatus;
  @ApiProperty({ type: [WebhookAttemptDto], description: '每一次尝试，按先后' }) attempts!: WebhookAttemptDto[];
  @ApiProperty({ type: String, nullable: true, description: '最近一次错误' }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '送达时间' }) deliveredAt!: string | null;
}
