import type { components } from '../../api/schema';

export type NotifyEventType = components['schemas']['NotificationDto']['eventType'];
export type SubscribableEventType = components['schemas']['PreferenceSettingDto']['eventType'];

/**
 * Chinese names of the event codes the API answers (libs/notify: notify-events.ts and the
 * notification templates): the API gives codes only, so the portal names them.
 */
export const EVENT_LABELS: Record<NotifyEventType, { group: string; label: string }> = {
  'organization.verified': { group: '单位认证', label: '单位认证通过' },
  'organization.rejected': { group: '单位认证', label: '单位认证未通过' },
  'organization.submitted': { group: '单位认证', label: '新单位注册或重新申请认证（科技局）' },
  'need.submitted': { group: '清单审核', label: '技术需求提交审核（科技局）' },
  'need.approved': { group: '清单审核', label: '技术需求通过审核' },
  'need.rejected': { group: '清单审核', label: '技术需求未通过审核' },
  'need.corrected': { group: '清单审核', label: '技术需求被科技局更正' },
  'result.submitted': { group: '清单审核', label: '科技成果提交审核（科技局）' },
  'result.approved': { group: '清单审核', label: '科技成果通过审核' },
  'result.rejected': { group: '清单审核', label: '科技成果未通过审核' },
  'result.corrected': { group: '清单审核', label: '科技成果被科技局更正' },
  'adoption.submitted': { group: '成果转化应用', label: '成果转化应用待确认（科技局）' },
  'adoption.confirmed': { group: '成果转化应用', label: '成果转化应用已确认' },
  'adoption.rejected': { group: '成果转化应用', label: '成果转化应用未获确认' },
  'contract.submitted': { group: '成果转化应用', label: '技术合同提交认定登记' },
  'contract.certified': { group: '成果转化应用', label: '技术合同已认定登记' },
  'contract.returned': { group: '成果转化应用', label: '技术合同认定登记被退回' },
  'match.created': { group: '供需匹配', label: '新的供需匹配' },
  'engagement.requested': { group: '对接', label: '收到对接请求' },
  'engagement.accepted': { group: '对接', label: '对接请求被接受' },
  'engagement.declined': { group: '对接', label: '对接请求被婉拒' },
  'engagement.negotiating': { group: '对接', label: '对接进入洽谈' },
  'engagement.deal': { group: '对接', label: '对接达成合作' },
  'engagement.abandoned': { group: '对接', label: '对接终止' },
  'engagement.unanswered': { group: '对接', label: '对接请求待答复提醒' },
  'challenge.invited': { group: '揭榜挂帅', label: '新榜单与本单位成果相关' },
  'challenge.closing-soon': { group: '揭榜挂帅', label: '榜单即将截止申报' },
  'proposal.screened': { group: '揭榜挂帅', label: '揭榜申请形式审查结果' },
  'challenge.experts-assigned': { group: '揭榜挂帅', label: '受邀评审揭榜申请（专家）' },
  'challenge.awarded': { group: '揭榜挂帅', label: '榜单评审结果公示' },
  'proposal.outcome': { group: '揭榜挂帅', label: '揭榜结果' },
  'milestone.submitted': { group: '揭榜挂帅', label: '里程碑成果待验收（科技局）' },
  'milestone.accepted': { group: '揭榜挂帅', label: '里程碑通过验收' },
  'milestone.returned': { group: '揭榜挂帅', label: '里程碑成果被退回' },
  'milestone.overdue': { group: '揭榜挂帅', label: '里程碑逾期' },
  'challenge.completed': { group: '揭榜挂帅', label: '榜单项目通过最终验收' },
  'challenge.failed': { group: '揭榜挂帅', label: '榜单项目未通过验收' },
  'challenge.cancelled': { group: '揭榜挂帅', label: '榜单撤销' },
  'challenge.objection-filed': { group: '揭榜挂帅', label: '公示期收到异议（科技局）' },
  'challenge.objection-answered': { group: '揭榜挂帅', label: '异议已答复' },
  'webhook.disabled': { group: '系统', label: 'Webhook 被自动停用' },
};

export function eventLabel(code: string): string {
  return EVENT_LABELS[code as NotifyEventType]?.label ?? code;
}

/** Every event a webhook or a preference can name, grouped as above. */
export const SUBSCRIBABLE_EVENTS = (Object.keys(EVENT_LABELS) as NotifyEventType[]).filter(
  (k): k is SubscribableEventType => k !== 'webhook.disabled',
);

/** Readable secondary text (antd's own secondary grey is below the WCAG AA contrast ratio). */
export const MUTED = { color: 'rgba(0, 0, 0, 0.65)' } as const;
