import { renderMessage, TemplateContext } from './notification-templates';
import { audienceOf, subjectOf } from './notify-events';

const ctx = (over: Partial<TemplateContext>): TemplateContext => ({
  type: 'contract.submitted',
  payload: { adoptionId: 'a1', organizationIds: ['ent', 'uni', 'bureau'], partyOrganizationIds: ['ent', 'uni'] },
  recipientOrganizationId: 'ent',
  subjectTitle: '磷石膏综合利用',
  publicBaseUrl: 'https://kjcg.example.cn',
  ...over,
});

describe('contract registration messages', () => {
  it('tells the parties and the bureau of a submission, each in its own words', () => {
    expect(renderMessage(ctx({}))).toEqual({
      title: '技术合同已提交认定登记',
      body: '成果转化应用《磷石膏综合利用》的技术合同已提交科技局认定登记，认定结果将另行通知。',
      link: 'https://kjcg.example.cn/adoptions/a1',
    });
    const bureau = renderMessage(ctx({ recipientOrganizationId: 'bureau' }));
    expect(bureau.title).toBe('技术合同待认定登记');
    expect(bureau.link).toBe('https://kjcg.example.cn/bureau/contracts');
    expect(audienceOf('contract.submitted', ctx({}).payload)).toEqual({ organizationIds: ['ent', 'uni', 'bureau'] });
    expect(subjectOf('contract.submitted', ctx({}).payload)).toEqual({ kind: 'adoption', id: 'a1' });
  });

  it('names the registration number of a certified contract and the reason of a returned one', () => {
    const certified = renderMessage(
      ctx({ type: 'contract.certified', payload: { adoptionId: 'a1', contractRegistrationNo: '2026420800000123' } }),
    );
    expect(certified.body).toContain('登记号 2026420800000123');
    const returned = renderMessage(ctx({ type: 'contract.returned', payload: { adoptionId: 'a1', reason: '技术交易额含设备款' } }));
    expect(returned).toEqual({
      title: '技术合同认定登记被退回',
      body: '成果转化应用《磷石膏综合利用》的技术合同未予认定登记，已退回。原因：技术交易额含设备款。请修改后重新提交。',
      link: 'https://kjcg.example.cn/adoptions/a1',
    });
  });
});
