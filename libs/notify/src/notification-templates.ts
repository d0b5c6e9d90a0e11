import { renderCollaboration } from './collaboration-templates';
import { ContractEventType, isContractEvent, renderContract } from './contract-templates';
import { renderImportSummary } from './import-summary-templates';
import { isRevisionEvent, renderRevision } from './revision-templates';
import { quote, quoteName, reasonText } from './template-text.util';
import {
  COLLABORATION_EVENT_TYPES,
  CollaborationEventType,
  IMPORT_SUMMARY_EVENT_TYPES,
  ImportSummaryEventType,
  MATCH_CREATED,
  MatchCreatedPayload,
  NotifyEventType,
  WEBHOOK_DISABLED,
} from './notify-events';

/** What a recipient reads, in every channel. */
export interface RenderedMessage {
  title: string;
  body: string;
  /** Absolute link to the item (publicBaseUrl + path), or null. */
  link: string | null;
  /**
   * An account's security e-mail (a one-time link, a sign-up attempt): sent whatever the
   * notification settings say, so its footer does not point to them; `action` labels the link.
   */
  security?: { action: string };
}

export interface TemplateContext {
  type: NotifyEventType | typeof WEBHOOK_DISABLED;
  payload: Record<string, unknown>;
  /** The recipient's organization (matches are worded differently for each side). */
  recipientOrganizationId: string | null;
  /** The item's name when its library describes it, e.g. a need's title. */
  subjectTitle: string | null;
  publicBaseUrl: string;
}

/** Chinese text per event type; pure, so it is unit-tested without services. */
export function renderMessage(ctx: TemplateContext): RenderedMessage {
  const p = ctx.payload;
  const s = ctx.subjectTitle;
  const link = (path: string | null): string | null => (path ? `${ctx.publicBaseUrl}${path}` : null);
  const id = (k: string): string => String(p[k] ?? '');
  if (isContractEvent(ctx.type)) return renderContract(ctx);
  if ((COLLABORATION_EVENT_TYPES as readonly string[]).includes(ctx.type)) {
    const { path, ...text } = renderCollaboration(ctx.type as CollaborationEventType, p, s);
    return { ...text, link: link(path) };
  }
  if (isRevisionEvent(ctx.type, p)) {
    const { path, ...text } = renderRevision(ctx.type, p, s);
    return { ...text, link: link(path) };
  }
  if ((IMPORT_SUMMARY_EVENT_TYPES as readonly string[]).includes(ctx.type)) {
    const { path, ...text } = renderImportSummary(ctx.type as ImportSummaryEventType, p, s);
    return { ...text, link: link(path) };
  }
  switch (ctx.type as Exclude<TemplateContext['type'], CollaborationEventType | ImportSummaryEventType | ContractEventType>) {
    case 'organization.verified':
      return {
        title: '单位认证已通过',
        body: `您的单位${quoteName(s)}已通过科技局认证，现在可以发布技术需求和科技成果。`,
        link: link(`/organizations/${id('organizationId')}`),
      };
    case 'organization.rejected':
      return {
        title: '单位认证未通过',
        body: `您的单位${quoteName(s)}未通过科技局认证。${reasonText(p)}请修改信息后重新提交。`,
        link: link(`/organizations/${id('organizationId')}`),
      };
    case 'organization.submitted':
      return {
        title: p.resubmitted ? '单位修改信息后重新申请认证' : '新单位注册待认证',
        body: `单位${quoteName(s)}${p.resubmitted ? '已修改信息并重新申请认证' : '已注册'}，请核实后认证或驳回。`,
        link: link(`/organizations/${id('organizationId')}`),
      };
    case 'adoption.submitted':
      return {
        title: '成果转化应用待确认',
        body: `成果转化应用${quote(s)}已登记，请核实后确认或驳回。`,
        link: link(`/adoptions/${id('adoptionId')}`),
      };
    case 'need.submitted':
      return { title: '新的技术需求待审核', body: `技术需求${quote(s)}已提交，请及时审核。`, link: link(`/needs/${id('needId')}`) };
    case 'result.submitted':
      return { title: '新的科技成果待审核', body: `科技成果${quote(s)}已提交，请及时审核。`, link: link(`/results/${id('resultId')}`) };
    case 'need.approved':
      return {
        title: '技术需求已通过审核',
        body: `您提交的技术需求${quote(s)}已通过科技局审核并公开发布，平台将为其匹配科技成果。`,
        link: link(`/needs/${id('needId')}`),
      };
    case 'need.rejected':
      return {
        title: '技术需求未通过审核',
        body: `您提交的技术需求${quote(s)}未通过科技局审核。${reasonText(p)}可修改后重新提交。`,
        link: link(`/needs/${id('needId')}`),
      };
    case 'result.approved':
      return {
        title: '科技成果已通过审核',
        body: `您提交的科技成果${quote(s)}已通过科技局审核并公开发布，平台将为其匹配技术需求。`,
        link: link(`/results/${id('resultId')}`),
      };
    case 'result.rejected':
      return {
        title: '科技成果未通过审核',
        body: `您提交的科技成果${quote(s)}未通过科技局审核。${reasonText(p)}可修改后重新提交。`,
        link: link(`/results/${id('resultId')}`),
      };
    case 'need.corrected':
      return {
        title: '技术需求已由科技局更正',
        body: `科技局更正了您单位已发布的技术需求${quote(s)}。${reasonText(p)}如有疑问请联系科技局。`,
        link: link(`/needs/${id('needId')}`),
      };
    case 'result.corrected':
      return {
        title: '科技成果已由科技局更正',
        body: `科技局更正了您单位已发布的科技成果${quote(s)}。${reasonText(p)}如有疑问请联系科技局。`,
        link: link(`/results/${id('resultId')}`),
      };
    case 'adoption.confirmed':
      return {
        title: '成果转化应用已确认',
        body: `成果转化应用${quote(s)}已经科技局确认，列入应用清单。`,
        link: link(`/adoptions/${id('adoptionId')}`),
      };
    case 'adoption.rejected':
      return {
        title: '成果转化应用未获确认',
        body: `成果转化应用${quote(s)}未获科技局确认。${reasonText(p)}`,
        link: link(`/adoptions/${id('adoptionId')}`),
      };
    case MATCH_CREATED:
      return renderMatch(p as unknown as MatchCreatedPayload, ctx, link);
    case WEBHOOK_DISABLED:
      return {
        title: 'Webhook 已停用',
        body: `您单位的 Webhook 地址 ${String(p.url ?? '')} 连续 ${String(p.failures ?? '')} 次投递失败，已被自动停用。请检查接收服务后在平台上重新启用。`,
        link: link('/webhooks'),
      };
  }
}

function renderMatch(p: MatchCreatedPayload, ctx: TemplateContext, link: (path: string) => string | null): RenderedMessage {
  // Scores are 0–100 (a 0–1 score is scaled).
  const points = typeof p.score === 'number' ? Math.round(p.score <= 1 ? p.score * 100 : p.score) : null;
  const score = points === null ? '' : `（匹配度 ${points} 分）`;
  // The reasons, one per line (a paragraph each in e-mails), as the portal words them.
  const why = Array.isArray(p.explanation) ? p.explanation.filter((l) => typeof l === 'string' && l) : [];
  const reasons = why.length ? `\n匹配理由：\n${why.map((l) => `· ${l}`).join('\n')}` : '';
  if (ctx.recipientOrganizationId === p.resultOrganizationId && ctx.recipientOrganizationId !== p.needOrganizationId) {
    return {
      title: '您的科技成果匹配到新的技术需求',
      body: `有企业发布的技术需求${quote(p.needTitle ?? ctx.subjectTitle)}与您的科技成果${quote(p.resultTitle ?? null)}相匹配${score}，欢迎查看并发起对接。${reasons}`,
      link: link(`/results/${p.resultId}/matches`),
    };
  }
  return {
    title: '您的技术需求有新的匹配成果',
    body: `您的技术需求${quote(p.needTitle ?? ctx.subjectTitle)}匹配到新的科技成果${quote(p.resultTitle ?? null)}${score}，欢迎查看并发起对接。${reasons}`,
    link: link(`/needs/${p.needId}/matches`),
  };
}

/** The daily digest of several match messages for one person. */
export function renderDigest(items: RenderedMessage[], publicBaseUrl: string): RenderedMessage {
  const lines = items.map((m, i) => `${i + 1}. ${m.title}：${m.body}${m.link ? ` ${m.link}` : ''}`);
  return { title: `今日供需匹配汇总（${items.length} 条）`, body: lines.join('\n'), link: `${publicBaseUrl}/notifications` };
}
