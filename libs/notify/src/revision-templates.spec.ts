import { renderMessage } from './notification-templates';

const ctx = (type: 'result.submitted' | 'result.approved' | 'result.rejected', payload: Record<string, unknown>) => ({
  type,
  payload: { organizationId: 'o', resultId: 'r1', ...payload },
  recipientOrganizationId: 'o',
  subjectTitle: '磷酸铁锂正极材料',
  publicBaseUrl: 'https://kjcg.example.cn',
});

describe('messages about a revision of a published item', () => {
  it('asks the bureau to review it, with a link to the revision in its queue', () => {
    expect(renderMessage(ctx('result.submitted', { revisionId: 'v1' }))).toEqual({
      title: '已发布的科技成果有修改待审核',
      body: '已发布的科技成果《磷酸铁锂正极材料》提交了修改，请核对修改前后的内容后通过或驳回；审核通过前公开的仍是原内容。',
      link: 'https://kjcg.example.cn/bureau/review?tab=revisions&open=v1',
    });
  });

  it('tells the owner it took effect, or why not, and that the published version stays', () => {
    expect(renderMessage(ctx('result.approved', { revisionId: 'v1' })).title).toBe('科技成果的修改已通过审核');
    const rejected = renderMessage(ctx('result.rejected', { revisionId: 'v1', reason: '缺少检测报告' }));
    expect(rejected.body).toBe(
      '您单位对科技成果《磷酸铁锂正极材料》的修改未通过科技局审核，公开的仍是原内容。原因：缺少检测报告。可修改后重新提交。',
    );
    expect(rejected.link).toBe('https://kjcg.example.cn/results/r1');
  });

  it('leaves the item’s own review as it was when there is no revision', () => {
    expect(renderMessage(ctx('result.approved', {})).title).toBe('科技成果已通过审核');
  });
});
