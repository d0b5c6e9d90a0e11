import { renderDigest, renderMessage, TemplateContext } from './notification-templates';
import { NOTIFY_EVENT_TYPES, audienceOf, subjectOf } from './notify-events';
import { emailBodies } from './email-content.util';

const base = (over: Partial<TemplateContext>): TemplateContext => ({
  type: 'need.approved',
  payload: {},
  recipientOrganizationId: null,
  subjectTitle: null,
  publicBaseUrl: 'https://kjcg.example.cn',
  ...over,
});

describe('notification templates', () => {
  it('renders Chinese text with a link for every event type', () => {
    const payload = {
      organizationId: 'o1',
      organizationIds: ['o1'],
      needId: 'n1',
      resultId: 'r1',
      adoptionId: 'a1',
      needOrganizationId: 'o1',
      resultOrganizationId: 'o2',
      reason: '材料不全',
      engagementId: 'e1',
      challengeId: 'c1',
      proposalId: 'p1',
      milestoneId: 'ms1',
      userIds: ['u1'],
      days: 3,
      daysLeft: 5,
      noticeEndsAt: '2026-12-01T16:00:00Z',
      eligible: true,
      awarded: true,
    };
    for (const type of NOTIFY_EVENT_TYPES) {
      const m = renderMessage(base({ type, payload }));
      expect(m.title).toMatch(/[\u4e00-\u9fff]/);
      expect(m.body).toMatch(/[\u4e00-\u9fff]/);
      expect(m.link).toMatch(/^https:\/\/kjcg\.example\.cn\/[a-z]+\/[a-z0-9]+/);
      expect(`${m.title}${m.body}${m.link}`).not.toMatch(/undefined|null|NaN/);
    }
  });

  it('names the item and the reason of a rejection', () => {
    const m = renderMessage(
      base({ type: 'need.rejected', payload: { needId: 'n1', reason: '预算不明确' }, subjectTitle: '磷石膏综合利用' }),
    );
    expect(m).toEqual({
      title: '技术需求未通过审核',
      body: '您提交的技术需求《磷石膏综合利用》未通过科技局审核。原因：预算不明确。可修改后重新提交。',
      link: 'https://kjcg.example.cn/needs/n1',
    });
  });

  it('words a match for each side', () => {
    const payload = { matchId: 'm', needId: 'n1', resultId: 'r1', needOrganizationId: 'ent', resultOrganizationId: 'uni', score: 0.873 };
    expect(renderMessage(base({ type: 'match.created', payload, recipientOrganizationId: 'ent' })).link).toBe(
      'https://kjcg.example.cn/needs/n1/matches',
    );
    const uni = renderMessage(base({ type: 'match.created', payload, recipientOrganizationId: 'uni' }));
    expect(uni.title).toBe('您的科技成果匹配到新的技术需求');
    expect(uni.body).toContain('（匹配度 87 分）');
    expect(uni.link).toBe('https://kjcg.example.cn/results/r1/matches');
    // With titles, each side reads which of its items matched which of the other's.
    const named = { ...payload, needTitle: '磷石膏制建筑石膏粉', resultTitle: '磷石膏净化技术' };
    expect(renderMessage(base({ type: 'match.created', payload: named, recipientOrganizationId: 'uni' })).body).toContain(
      '技术需求《磷石膏制建筑石膏粉》与您的科技成果《磷石膏净化技术》相匹配',
    );
    expect(renderMessage(base({ type: 'match.created', payload: named, recipientOrganizationId: 'ent' })).body).toContain(
      '您的技术需求《磷石膏制建筑石膏粉》匹配到新的科技成果《磷石膏净化技术》',
    );
  });

  it('gives the reasons of a match as its sentences, one per line', () => {
    const payload = {
      matchId: 'm',
      needId: 'n1',
      resultId: 'r1',
      needOrganizationId: 'ent',
      resultOrganizationId: 'uni',
      score: 72,
      explanation: ['成果中出现需求的关键词：磷石膏、晶型调控', '同属磷化工领域', '需求方在荆门市，成果方在相邻的天门市'],
    };
    const m = renderMessage(base({ type: 'match.created', payload, recipientOrganizationId: 'ent' }));
    expect(m.body.split('\n').slice(1)).toEqual([
      '匹配理由：',
      '· 成果中出现需求的关键词：磷石膏、晶型调控',
      '· 同属磷化工领域',
      '· 需求方在荆门市，成果方在相邻的天门市',
    ]);
    expect(emailBodies(m).html).toContain('<p style="margin:0 0 8px">· 同属磷化工领域</p>');
    // An event stored before the sentences existed still reads.
    const { explanation: _omitted, ...old } = payload;
    expect(renderMessage(base({ type: 'match.created', payload: old, recipientOrganizationId: 'ent' })).body).not.toContain('匹配理由');
  });

  it('words engagements and open calls', () => {
    expect(
      renderMessage(
        base({ type: 'engagement.declined', payload: { engagementId: 'e1', reason: '方向不符' }, subjectTitle: '磷石膏净化技术' }),
      ),
    ).toEqual({
      title: '对接请求未被接受',
      body: '对方婉拒了您关于《磷石膏净化技术》的对接请求。原因：方向不符。',
      link: 'https://kjcg.example.cn/engagements/e1',
    });
    // Without a known subject the text still reads.
    expect(renderMessage(base({ type: 'engagement.requested', payload: { engagementId: 'e1' } })).body).toBe(
      '有单位希望与您就技术需求或科技成果开展对接，请及时答复。',
    );
    const awarded = renderMessage(
      base({
        type: 'challenge.awarded',
        payload: { challengeId: 'c1', noticeEndsAt: '2026-12-01T16:00:00Z' },
        subjectTitle: '高性能储能材料',
      }),
    );
    expect(awarded.body).toBe('榜单《高性能储能材料》已确定揭榜单位，公示期至 2026年12月2日。');
    expect(
      renderMessage(base({ type: 'proposal.screened', payload: { challengeId: 'c1', eligible: false, reason: '不符合地域要求' } })).title,
    ).toBe('揭榜申请未通过形式审查');
  });

  it('addresses the right audience', () => {
    expect(audienceOf('challenge.experts-assigned', { userIds: ['u1', 'u1'] })).toEqual({ userIds: ['u1'] });
    expect(audienceOf('milestone.submitted', { challengeId: 'c1' })).toEqual({ bureau: true });
    expect(audienceOf('engagement.requested', { organizationIds: ['o2'] })).toEqual({ organizationIds: ['o2'] });
    expect(subjectOf('proposal.outcome', { challengeId: 'c1' })).toEqual({ kind: 'challenge', id: 'c1' });
    expect(audienceOf('need.submitted', {})).toEqual({ bureau: true });
    expect(audienceOf('adoption.confirmed', { organizationIds: ['a', 'b', 'a'] })).toEqual({ organizationIds: ['a', 'b'] });
    expect(audienceOf('match.created', { needOrganizationId: 'a', resultOrganizationId: 'b' })).toEqual({ organizationIds: ['a', 'b'] });
    expect(audienceOf('need.approved', { organizationId: 'a' })).toEqual({ organizationIds: ['a'] });
    expect(subjectOf('match.created', { needId: 'n1' })).toEqual({ kind: 'need', id: 'n1' });
    expect(subjectOf('result.approved', { resultId: 'r1' })).toEqual({ kind: 'result', id: 'r1' });
  });

  it('builds a digest and escapes HTML in e-mails', () => {
    const d = renderDigest(
      [
        { title: 'A', body: 'x', link: 'https://e/1' },
        { title: 'B', body: 'y', link: null },
      ],
      'https://e',
    );
    expect(d.title).toBe('今日供需匹配汇总（2 条）');
    expect(d.body.split('\n')).toEqual(['1. A：x https://e/1', '2. B：y']);
    const mail = emailBodies({ title: '<b>标题</b>', body: '正文 <script>', link: 'https://e/?a=1&b=2' });
    expect(mail.subject).toBe('【科技成果转化平台】<b>标题</b>');
    expect(mail.html).toContain('&lt;b&gt;标题&lt;/b&gt;');
    expect(mail.html).toContain('正文 &lt;script&gt;');
    expect(mail.html).toContain('href="https://e/?a=1&amp;b=2"');
    expect(mail.text).toContain('查看详情：https://e/?a=1&b=2');
  });
});
