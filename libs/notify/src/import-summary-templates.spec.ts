import { renderMessage, TemplateContext } from './notification-templates';
import { audienceOf, IMPORT_SUMMARY_EVENT_TYPES, ImportSummaryEventType, presentedType, subjectOf } from './notify-events';

const ctx = (type: TemplateContext['type'], payload: Record<string, unknown>): TemplateContext => ({
  type,
  payload,
  recipientOrganizationId: 'o1',
  subjectTitle: null,
  publicBaseUrl: 'https://kjcg.example.cn',
});

describe('import summary templates', () => {
  it('tells an owner how many of its items an import published and how many matched', () => {
    const r = renderMessage(ctx('result.import-published', { importId: 'i1', organizationId: 'o1', published: 2000, matched: 37 }));
    expect(r.title).toBe('科技局导入的 2000 项科技成果已发布');
    expect(r.body).toContain('本次导入的 2000 项成果已发布，其中 37 项与需求匹配');
    expect(r.link).toBe('https://kjcg.example.cn/my/results');
    const n = renderMessage(ctx('need.import-published', { importId: 'i1', organizationId: 'o1', published: 12, matched: 0 }));
    expect(n.body).toBe('本次导入的 12 项需求已发布，其中 0 项与成果匹配。');
    expect(n.link).toBe('https://kjcg.example.cn/my/needs');
  });

  it('tells the other side how many new items match its own, linking to the one item when there is one', () => {
    const one = renderMessage(
      ctx('match.import-summary', { importId: 'i1', organizationId: 'o1', importedType: 'result', items: 5, ownItems: 1, itemId: 'n1' }),
    );
    expect(one.body).toBe('本次新发布的 5 项成果与您的需求匹配，欢迎查看并发起对接。');
    expect(one.link).toBe('https://kjcg.example.cn/needs/n1/matches');
    const many = renderMessage(
      ctx('match.import-summary', { importId: 'i1', organizationId: 'o1', importedType: 'need', items: 8, ownItems: 3, itemId: null }),
    );
    expect(many.body).toBe('本次新发布的 8 项需求与您的成果匹配（涉及您的 3 项成果），欢迎查看并发起对接。');
    expect(many.link).toBe('https://kjcg.example.cn/my/results');
  });

  it('tells the bureau once how many rows an organization imported for review, naming it and linking to the queue', () => {
    const r = renderMessage({
      ...ctx('result.import-submitted', { importId: 'i1', organizationId: 'o1', actorUserId: 'u1', count: 240 }),
      subjectTitle: '荆门某某大学',
    });
    expect(r).toEqual({
      title: '新导入的 240 项科技成果待审核',
      body: '单位“荆门某某大学”导入了 240 项科技成果待审核，请在审核队列中逐项审核。',
      link: 'https://kjcg.example.cn/bureau/review?tab=results',
    });
    const n = renderMessage(ctx('need.import-submitted', { importId: 'i1', organizationId: 'o1', actorUserId: 'u1', count: 3 }));
    expect(n.title).toBe('新导入的 3 项技术需求待审核');
    expect(n.link).toBe('https://kjcg.example.cn/bureau/review?tab=needs');
    expect(subjectOf('need.import-submitted', { organizationId: 'o1', importId: 'i1' })).toEqual({ kind: 'organization', id: 'o1' });
  });

  it('is told to one organization (the bureau, for rows sent to review), under the preferences of the kind of message it replaces', () => {
    const toBureau = ['need.import-submitted', 'result.import-submitted'];
    for (const type of IMPORT_SUMMARY_EVENT_TYPES.filter((x) => !toBureau.includes(x)))
      expect(audienceOf(type, { organizationId: 'o9' })).toEqual({ organizationIds: ['o9'] });
    for (const type of toBureau) expect(audienceOf(type as ImportSummaryEventType, { organizationId: 'o9' })).toEqual({ bureau: true });
    expect(presentedType('result.import-published')).toBe('result.approved');
    expect(presentedType('need.import-published')).toBe('need.approved');
    expect(presentedType('match.import-summary')).toBe('match.created');
    expect(presentedType('need.import-submitted')).toBe('need.submitted');
    expect(presentedType('result.import-submitted')).toBe('result.submitted');
    expect(presentedType('need.rejected')).toBe('need.rejected');
  });
});
