import { chineseDate } from '@app/core';
import type { RenderedMessage } from './notification-templates';
import { quote, reasonText } from './template-text.util';
import type { CollaborationEventType } from './notify-events';

/** An ISO moment of an event's payload → 2026年12月2日 (Beijing time); '' when it is not one. */
export function chineseDateOf(iso: unknown): string {
  return chineseDate(new Date(typeof iso === 'string' ? iso : NaN));
}

/** Engagements (对接) and open calls (揭榜挂帅): Chinese text and the path of the item. */
export function renderCollaboration(
  type: CollaborationEventType,
  p: Record<string, unknown>,
  subject: string | null,
): Omit<RenderedMessage, 'link'> & { path: string } {
  const s = quote(subject);
  const engagement = `/engagements/${String(p.engagementId)}`;
  const challenge = `/challenges/${String(p.challengeId)}`;
  switch (type) {
    case 'engagement.requested':
      return { title: '收到新的对接请求', body: `有单位希望与您就${s || '技术需求或科技成果'}开展对接，请及时答复。`, path: engagement };
    case 'engagement.accepted':
      return {
        title: '对接请求已被接受',
        body: `对方已接受您关于${s || '该项目'}的对接请求，现在可以查看对方联系方式并开展洽谈。`,
        path: engagement,
      };
    case 'engagement.declined':
      return { title: '对接请求未被接受', body: `对方婉拒了您关于${s || '该项目'}的对接请求。${reasonText(p)}`, path: engagement };
    case 'engagement.negotiating':
      return { title: '对接进入洽谈阶段', body: `您参与的关于${s || '该项目'}的对接已进入洽谈阶段。`, path: engagement };
    case 'engagement.deal':
      return {
        title: '对接已达成合作',
        body: `关于${s || '该项目'}的对接已达成合作，成果转化应用已登记，等待科技局确认。`,
        path: engagement,
      };
    case 'engagement.abandoned':
      return { title: '对接已终止', body: `您参与的关于${s || '该项目'}的对接已终止。${reasonText(p)}`, path: engagement };
    case 'engagement.unanswered':
      return {
        title: '对接请求等待您的答复',
        body: `关于${s || '该项目'}的对接请求已 ${String(p.days ?? '')} 天未答复，请及时处理。`,
        path: engagement,
      };
    case 'challenge.invited':
      return {
        title: '新榜单与您的成果相关',
        body: `科技局发布了榜单${s}，与贵单位已发布的科技成果相关，欢迎揭榜。`,
        path: challenge,
      };
    case 'challenge.closing-soon':
      return {
        title: '榜单即将截止申报',
        body: `榜单${s}将在 ${String(p.daysLeft ?? '')} 天后截止申报，请抓紧提交揭榜申请。`,
        path: challenge,
      };
    case 'proposal.screened':
      return p.eligible
        ? { title: '揭榜申请通过形式审查', body: `您对榜单${s}的揭榜申请已通过形式审查，进入专家评审。`, path: challenge }
        : { title: '揭榜申请未通过形式审查', body: `您对榜单${s}的揭榜申请未通过形式审查。${reasonText(p)}`, path: challenge };
    case 'challenge.experts-assigned':
      return { title: '邀请您评审揭榜申请', body: `科技局邀请您担任榜单${s}的评审专家，请按时完成评审。`, path: challenge };
    case 'challenge.awarded':
      return { title: '榜单评审结果公示', body: `榜单${s}已确定揭榜单位，公示期至 ${chineseDateOf(p.noticeEndsAt)}。`, path: challenge };
    case 'proposal.outcome':
      return p.awarded
        ? { title: '恭喜，揭榜成功', body: `您单位已成功揭榜${s}，请按约定推进项目并按时提交里程碑成果。`, path: challenge }
        : { title: '揭榜结果通知', body: `很遗憾，您单位对榜单${s}的揭榜申请未获立项，感谢参与。`, path: challenge };
    case 'milestone.submitted':
      return { title: '里程碑成果待验收', body: `榜单${s}有里程碑成果已提交，请及时验收。`, path: `${challenge}/milestones` };
    case 'milestone.accepted':
      return { title: '里程碑已通过验收', body: `榜单${s}的里程碑成果已通过科技局验收。`, path: `${challenge}/milestones` };
    case 'milestone.returned':
      return { title: '里程碑成果被退回', body: `榜单${s}的里程碑成果被退回修改。${reasonText(p)}`, path: `${challenge}/milestones` };
    case 'milestone.overdue':
      return {
        title: '里程碑已逾期',
        body: `榜单${s}的里程碑已超过约定期限，尚未通过验收。请中榜单位尽快提交成果，科技局及时跟进验收。`,
        path: `${challenge}/milestones`,
      };
    case 'challenge.completed':
      return { title: '榜单项目通过最终验收', body: `榜单${s}项目已通过最终验收，圆满完成。`, path: challenge };
    case 'challenge.objection-filed':
      return { title: '公示期收到异议', body: `榜单${s}在公示期内收到一条异议，请及时核实并答复。`, path: `${challenge}/objections` };
    case 'challenge.objection-answered':
      return { title: '异议已答复', body: `科技局已答复您单位对榜单${s}提出的异议，请查看。`, path: `${challenge}/objections` };
    case 'challenge.cancelled':
      return { title: '榜单已撤销', body: `科技局已撤销榜单${s}，您单位的揭榜申请随之终止。${reasonText(p)}`, path: challenge };
    case 'challenge.failed':
      return { title: '榜单项目未通过验收', body: `榜单${s}项目未通过验收。${reasonText(p)}`, path: challenge };
  }
}
