import { DomainError, ValidationFailedError } from '@app/core';

/** A webhook target the platform may not call (loopback, private network, bad scheme). */
export class WebhookTargetRefusedError extends DomainError {
  constructor(reason: string) {
    super('WEBHOOK_TARGET_REFUSED', `不允许使用该 Webhook 地址：${reason}`, 400, [{ field: 'url', message: reason }]);
  }
}

export class WebhookLimitError extends DomainError {
  constructor(max: number) {
    super('WEBHOOK_LIMIT', `每个单位最多登记 ${max} 个 Webhook 地址`, 409);
  }
}

export class DigestNotAllowedError extends ValidationFailedError {
  constructor(eventType: string, channel: string) {
    super(
      channel === 'email'
        ? `该类通知（${eventType}）不支持每日汇总，仅供需匹配通知的邮件可以选择每日汇总`
        : '站内信不支持每日汇总，每日汇总仅用于邮件',
      [{ field: 'items.mode', message: '仅供需匹配通知的邮件可以选择每日汇总' }],
    );
  }
}

/** The same (event type, channel) twice in one request: which one should win is unclear. */
export class DuplicatePreferenceError extends ValidationFailedError {
  constructor(eventType: string, channel: string) {
    super(`同一通知类型和渠道只能设置一次（重复：${eventType} / ${channel === 'email' ? '邮件' : '站内信'}）`, [
      { field: 'items', message: `重复：${eventType} / ${channel}` },
    ]);
  }
}
