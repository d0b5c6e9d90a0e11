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
  constructor(eventType: string) {
    super(`“${eventType}”不支持每日汇总，仅供需匹配通知的邮件可以选择每日汇总`, [
      { field: 'items.mode', message: '仅供需匹配通知的邮件可以选择每日汇总' },
    ]);
  }
}
