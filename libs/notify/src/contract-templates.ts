import type { RenderedMessage, TemplateContext } from './notification-templates';
import { quote, reasonText } from './template-text.util';

/** 技术合同认定登记 (catalog): both parties are told at each step, the bureau when one waits for it. */
export const CONTRACT_EVENT_TYPES = ['contract.submitted', 'contract.certified', 'contract.returned'] as const;
export type ContractEventType = (typeof CONTRACT_EVENT_TYPES)[number];

export function isContractEvent(type: string): type is ContractEventType {
  return (CONTRACT_EVENT_TYPES as readonly string[]).includes(type);
}

/** Chinese text of a contract event; a submission reads differently for the bureau than for the parties. */
export function renderContract(ctx: TemplateContext): RenderedMessage {
  const p = ctx.payload;
  const s = quote(ctx.subjectTitle);
  const link = (path: string): string => `${ctx.publicBaseUrl}${path}`;
  const adoption = link(`/adoptions/${String(p.adoptionId ?? '')}`);
  switch (ctx.type as ContractEventType) {
    case 'contract.submitted': {
      const parties = Array.isArray(p.partyOrganizationIds) ? (p.partyOrganizationIds as unknown[]) : [];
      if (ctx.recipientOrganizationId && !parties.includes(ctx.recipientOrganizationId)) {
        return {
          title: '技术合同待认定登记',
          body: `成果转化应用${s}的技术合同已提交，请核对合同文件、合同类型与技术交易额后认定登记或退回。`,
          link: link('/bureau/contracts'),
        };
      }
      return {
        title: '技术合同已提交认定登记',
        body: `成果转化应用${s}的技术合同已提交科技局认定登记，认定结果将另行通知。`,
        link: adoption,
      };
    }
    case 'contract.certified':
      return {
        title: '技术合同已认定登记',
        body: `成果转化应用${s}的技术合同已经科技局认定登记，登记号 ${String(p.contractRegistrationNo ?? '')}，计入技术合同成交额统计。`,
        link: adoption,
      };
    case 'contract.returned':
      return {
        title: '技术合同认定登记被退回',
        body: `成果转化应用${s}的技术合同未予认定登记，已退回。${reasonText(p)}请修改后重新提交。`,
        link: adoption,
      };
  }
}
