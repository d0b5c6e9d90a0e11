import { DataSource } from 'typeorm';
import { Clock } from '@app/core';
import { CRITERIA, proposalBody, scoresOf } from './support/bodies';
import { outboxEvents } from './support/db';
import { ChallengeSpec, ChallengeState, Expert, Factories, factories } from './support/factories';
import { TestApp } from './support/test-app';

const DAY = 86_400_000;
const criteria = CRITERIA;

/** 揭榜挂帅 after the window closes: screening, experts, scores and the ranking. Each test builds its own. */
describe('揭榜挂帅: screening and expert review (e2e)', () => {
  let t: TestApp;
  let make: Factories;

  beforeAll(async () => {
    t = await TestApp.start();
    make = factories(t);
  });
  afterAll(() => t.stop());

  /**
   * The call of most tests here: a (an enterprise) and b (a university) shortlisted, d (a
   * university) ruled out; six experts, the first of b's own organization.
   */
  async function screened(spec: ChallengeSpec = {}): Promise<ChallengeState & { a: string; b: string; d: string }> {
    const b = await make.verifiedOrg('university', '荆楚理工学院');
    const experts = [await make.expert({ organization: b, name: '专家一（与乙同单位）' })];
    for (let i = 2; i <= 6; i++) experts.push(await make.expert({ name: `专家${i}` }));
    const ch = await make.challengeIn('reviewing', {
      applicants: {
        a: { name: '荆门锂能新材料有限公司', budgetYuan: 3_000_000 },
        b: { org: b, budgetYuan: 2_500_000 },
        d: { kind: 'university', name: '某大学', ineligible: '缺少单位盖章的承诺书' },
      },
      experts,
      ...spec,
    });
    return { ...ch, ...ch.proposals } as ChallengeState & { a: string; b: string; d: string };
  }

  /** As `screened`, every expert assigned, and the second declared a conflict on a's proposal. */
  const assigned = () => screened({ conflicts: [{ expert: 1, applicant: 'a', reason: '曾与申报团队合作' }] });

  it('screens proposals: eligible ones go to review, an ineligible one gets its reason', async () => {
    const ch = await make.challengeIn('published', {
      applicants: { a: {}, b: { kind: 'university' }, d: { kind: 'university', name: '某大学' } },
    });
    const { id: challengeId, bureau, proposals: proposal } = ch;
    const d = ch.applicants.d;
    make.passTime(ch.closesAt);
    expect((await t.request('POST', `/api/challenges/${challengeId}/start-review`, { token: bureau.token })).body.status).toBe('reviewing');
    for (const key of ['a', 'b']) {
      const r = await t.request('POST', `/api/proposals/${proposal[key]}/eligibility`, { token: bureau.token, body: { eligible: true } });
      expect(r.body.status).toBe('shortlisted');
    }
    const noReason = await t.request('POST', `/api/proposals/${proposal.d}/eligibility`, {
      token: bureau.token,
      body: { eligible: false },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details[0].field).toBe('reason');
    const inel = await t.request('POST', `/api/proposals/${proposal.d}/eligibility`, {
      token: bureau.token,
      body: { eligible: false, reason: '缺少单位盖章的承诺书' },
    });
    expect(inel.body).toEqual(expect.objectContaining({ status: 'ineligible', statusReason: '缺少单位盖章的承诺书' }));
    expect(await outboxEvents(t, 'proposal.screened')).toContainEqual(
      expect.objectContaining({ proposalId: proposal.d, eligible: false, organizationIds: [d.organizationId] }),
    );
  });

  it('assigns experts, excluding the applicant’s own and a declared conflict', async () => {
    const b = await make.verifiedOrg('university', '荆楚理工学院');
    const experts = [await make.expert({ organization: b, name: '专家一（与乙同单位）' })];
    for (let i = 2; i <= 6; i++) experts.push(await make.expert({ name: `专家${i}` }));
    const {
      id: challengeId,
      bureau,
      applicants,
      proposals: proposal,
    } = await make.challengeIn('reviewing', {
      applicants: { a: {}, b: { org: b }, d: { kind: 'university', ineligible: '缺少单位盖章的承诺书' } },
      experts: 0,
    });
    const few = await t.request('POST', `/api/challenges/${challengeId}/experts`, {
      token: bureau.token,
      body: { userIds: experts.slice(0, 2).map((e) => e.userId) },
    });
    expect(few.status).toBe(400);
    const notExpert = await t.request('POST', `/api/challenges/${challengeId}/experts`, {
      token: bureau.token,
      body: { userIds: [applicants.a.userId, ...experts.map((e) => e.userId)] },
    });
    expect(notExpert.status).toBe(400);
    const ok = await t.request('POST', `/api/challenges/${challengeId}/experts`, {
      token: bureau.token,
      body: { userIds: experts.map((e) => e.userId) },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toHaveLength(6);

    const [e1, e2] = experts;
    const e1List = await t.request('GET', '/api/reviews/assigned', { token: e1.token });
    expect(e1List.body.map((p: { id: string }) => p.id)).toEqual([proposal.a]);
    // Assigned, but d was found ineligible: not for review, so not for the expert to see.
    expect((await t.request('GET', `/api/proposals/${proposal.d}`, { token: e1.token })).status).toBe(404);
    const conflict = await t.request('POST', `/api/challenges/${challengeId}/conflicts`, {
      token: e2.token,
      body: { proposalId: proposal.a, reason: '曾与申报团队合作' },
    });
    expect(conflict.status).toBe(201);
    const e2List = await t.request('GET', '/api/reviews/assigned', { token: e2.token });
    expect(e2List.body.map((p: { id: string }) => p.id)).toEqual([proposal.b]);
    expect((await t.request('GET', `/api/proposals/${proposal.a}`, { token: e2.token })).status).toBe(404);
    const sneaky = await t.request('PUT', `/api/proposals/${proposal.b}/reviews/mine`, {
      token: e1.token,
      body: { scores: criteria.map((k) => ({ criterion: k.key, score: 100 })) },
    });
    expect(sneaky.status).toBe(404);
  });

  it('refuses to award before every expert has submitted a review, and changes nothing', async () => {
    const { id: challengeId, bureau, experts, a, b } = await assigned();
    const draft = await t.request('PUT', `/api/proposals/${a}/reviews/mine`, {
      token: experts[2].token,
      body: { scores: criteria.map((k) => ({ criterion: k.key, score: 70 })) },
    });
    expect(draft.status).toBe(200); // a draft is not a submitted review
    // The expert reads their own draft back; one who declared a conflict on it cannot read it.
    const mine = await t.request('GET', `/api/proposals/${a}/reviews/mine`, { token: experts[2].token });
    expect(mine.body.review).toEqual(expect.objectContaining({ status: 'draft', total: 70 }));
    expect((await t.request('GET', `/api/proposals/${b}/reviews/mine`, { token: experts[2].token })).body).toEqual({
      review: null,
    });
    expect((await t.request('GET', `/api/proposals/${a}/reviews/mine`, { token: experts[1].token })).status).toBe(404);
    const early = await t.request('POST', `/api/challenges/${challengeId}/award`, {
      token: bureau.token,
      body: {
        winners: [
          {
            proposalId: a,
            budgetYuan: 2_500_000,
            milestones: [{ title: '阶段1', deliverable: 'x', dueDate: '2027-03-30', sharePct: 100 }],
          },
        ],
      },
    });
    expect(early.status).toBe(409);
    expect(early.body.error).toBe('REVIEW_NOT_FINISHED');
    expect(early.body.message).toContain('0/10');
    expect((await t.request('GET', `/api/challenges/${challengeId}`, { token: bureau.token })).body.status).toBe('reviewing');
    expect((await t.request('GET', `/api/proposals/${a}`, { token: bureau.token })).body.awardedBudgetYuan).toBeNull();
    expect((await t.request('GET', `/api/challenges/${challengeId}/milestones`, { token: bureau.token })).body).toEqual([]);
    expect(await outboxEvents(t, 'challenge.awarded', { challengeId })).toEqual([]);
  });

  it('scores per criterion and ranks with the highest and lowest dropped from five experts', async () => {
    const { id: challengeId, bureau, experts, ...proposal } = await assigned();
    const totals: Record<string, number[]> = { a: [90, 80, 70, 60, 20], b: [95, 85, 75, 65, 55] };
    const reviewersOf = { a: [0, 2, 3, 4, 5], b: [1, 2, 3, 4, 5] };
    const incomplete = await t.request('PUT', `/api/proposals/${proposal.a}/reviews/mine`, {
      token: experts[0].token,
      body: { scores: [{ criterion: 'tech', score: 80 }] },
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.message).toContain('team');
    // A saved draft is submitted as it is, with no scores sent again; without a draft, scores are required.
    const noComment = await t.request('POST', `/api/proposals/${proposal.b}/reviews/mine/submit`, {
      token: experts[4].token,
      body: { scores: criteria.map((k) => ({ criterion: k.key, score: 65 })) },
    });
    expect(noComment.status).toBe(400);
    expect(noComment.body.message).toContain('意见');
    const nothing = await t.request('POST', `/api/proposals/${proposal.b}/reviews/mine/submit`, { token: experts[4].token, body: {} });
    expect(nothing.status).toBe(400);
    expect(nothing.body.details[0].field).toBe('scores');
    const drafted = await t.request('PUT', `/api/proposals/${proposal.a}/reviews/mine`, {
      token: experts[3].token,
      body: { scores: criteria.map((k) => ({ criterion: k.key, score: 70, comment: '意见' })) },
    });
    expect(drafted.body.status).toBe('draft');
    const asSaved = await t.request('POST', `/api/proposals/${proposal.a}/reviews/mine/submit`, { token: experts[3].token, body: {} });
    expect(asSaved.status).toBe(200);
    expect(asSaved.body).toEqual(expect.objectContaining({ status: 'submitted', total: 70 }));
    for (const key of ['a', 'b'] as const) {
      for (const [i, idx] of reviewersOf[key].entries()) {
        const s = totals[key][i];
        if (key === 'a' && idx === 3) continue; // submitted above, from its draft
        const r = await t.request('POST', `/api/proposals/${proposal[key]}/reviews/mine/submit`, {
          token: experts[idx].token,
          body: { scores: scoresOf(s) },
        });
        expect(r.status).toBe(200);
        expect(r.body.total).toBe(s);
      }
    }
    const again = await t.request('POST', `/api/proposals/${proposal.a}/reviews/mine/submit`, {
      token: experts[0].token,
      body: { scores: criteria.map((k) => ({ criterion: k.key, score: 1 })) },
    });
    expect(again.status).toBe(409);
    const ranking = await t.request('GET', `/api/challenges/${challengeId}/ranking`, { token: bureau.token });
    expect(ranking.body.map((r: { proposalId: string }) => r.proposalId)).toEqual([proposal.b, proposal.a]);
    expect(ranking.body[0]).toEqual(expect.objectContaining({ rank: 1, score: 75, dropped: [55, 95], spread: 40, experts: 5 }));
    expect(ranking.body[1]).toEqual(expect.objectContaining({ score: 70, dropped: [20, 90] }));
    // The ranking names the organizations, not only their ids.
    expect(ranking.body.map((r: { organizationName: string }) => r.organizationName)).toEqual(['荆楚理工学院', '荆门锂能新材料有限公司']);
    expect(ranking.body[0].criterionMeans).toEqual(Object.fromEntries(criteria.map((k) => [k.key, 75])));
    expect((await t.request('GET', `/api/challenges/${challengeId}/ranking`, { token: experts[2].token })).status).toBe(403);
    // An expert who has submitted stays: their review counts.
    const withdrawn = await t.request('POST', `/api/challenges/${challengeId}/experts/${experts[0].userId}/withdraw`, {
      token: bureau.token,
      body: { reason: '另有安排' },
    });
    expect(withdrawn.status).toBe(409);
    expect(withdrawn.body.message).toContain('已提交评审意见');
  });

  it('tells an assigned expert that the review has not started yet, and hides the proposal from others', async () => {
    const { id: proposalId, challenge } = await make.proposalIn('submitted', {
      body: { title: '磷石膏综合利用关键技术攻关' },
    });
    const { id: second, bureau } = challenge;
    const experts: Expert[] = [];
    for (let i = 0; i < 4; i++) experts.push(await make.expert());
    const assignedExperts = await t.request('POST', `/api/challenges/${second}/experts`, {
      token: bureau.token,
      body: { userIds: experts.slice(0, 3).map((e) => e.userId) },
    });
    expect(assignedExperts.status).toBe(200);
    const score = (token: string) =>
      t.request('PUT', `/api/proposals/${proposalId}/reviews/mine`, {
        token,
        body: { scores: criteria.map((k) => ({ criterion: k.key, score: 80 })) },
      });

    const open = await score(experts[0].token);
    expect(open.status).toBe(409);
    expect(open.body.error).toBe('REVIEW_NOT_STARTED');
    expect(open.body.message).toContain('评审尚未开始');
    expect((await score(experts[3].token)).status).toBe(404); // not assigned to this challenge

    t.get(Clock).advanceForTests(6 * DAY); // the window closes five days after it opened
    expect((await t.request('POST', `/api/challenges/${second}/start-review`, { token: bureau.token })).status).toBe(200);
    const unscreened = await score(experts[0].token);
    expect(unscreened.status).toBe(409);
    expect(unscreened.body.message).toContain('形式审查');
    expect(
      (await t.request('POST', `/api/proposals/${proposalId}/eligibility`, { token: bureau.token, body: { eligible: true } })).status,
    ).toBe(200);
    expect((await score(experts[0].token)).status).toBe(200);
  });

  it('withdraws an expert who has not submitted, keeping at least three, with the reason audited', async () => {
    const { id: third, bureau } = await make.challengeIn('published', { body: { title: '磷化工尾气氟资源回收技术攻关' } });
    const a = await make.verifiedOrg('enterprise');
    const elsewhere = await make.expert({ name: '专家一' });
    const pool: Expert[] = [];
    for (let i = 3; i <= 6; i++) pool.push(await make.expert({ name: `专家${i}` }));
    const four = pool.map((e) => e.userId);
    expect((await t.request('POST', `/api/challenges/${third}/experts`, { token: bureau.token, body: { userIds: four } })).status).toBe(
      200,
    );
    const withdraw = (userId: string, token = bureau.token, body: Record<string, unknown> = { reason: '专家因病无法参加评审' }) =>
      t.request('POST', `/api/challenges/${third}/experts/${userId}/withdraw`, { token, body });

    expect((await withdraw(four[3], bureau.token, {})).status).toBe(400);
    expect((await withdraw(four[3], a.token)).status).toBe(403);
    expect((await withdraw(elsewhere.userId)).status).toBe(404); // not on this challenge
    const ok = await withdraw(four[3]);
    expect(ok.status).toBe(200);
    expect(ok.body.map((e: { userId: string }) => e.userId).sort()).toEqual(four.slice(0, 3).sort());
    const tooFew = await withdraw(four[2]);
    expect(tooFew.status).toBe(409);
    expect(tooFew.body.message).toContain('替补');
    const [audited] = await t
      .get(DataSource)
      .query(`SELECT reason, data FROM audit_log WHERE action = 'challenge.withdraw-expert' AND entity_id = $1`, [third]);
    expect(audited).toEqual({ reason: '专家因病无法参加评审', data: expect.objectContaining({ userId: four[3] }) });
    const progress = await t.request('GET', `/api/challenges/${third}/review-progress`, { token: bureau.token });
    expect(progress.body.map((p: { name: string }) => p.name).sort()).toEqual(['专家3', '专家4', '专家5']);

    // Withdrawn by the bureau before the award: whoever started a proposal is told why.
    expect((await t.request('POST', `/api/challenges/${third}/proposals`, { token: a.token, body: proposalBody(500_000) })).status).toBe(
      201,
    );
    const cancelled = await t.request('POST', `/api/challenges/${third}/cancel`, {
      token: bureau.token,
      body: { reason: '企业需求已变更' },
    });
    expect(cancelled.status).toBe(200);
    expect(await outboxEvents(t, 'challenge.cancelled', { challengeId: third })).toEqual([
      { challengeId: third, organizationIds: [a.organizationId], reason: '企业需求已变更' },
    ]);
    expect((await t.request('GET', `/api/challenges/${third}`)).status).toBe(404);
  });
});
