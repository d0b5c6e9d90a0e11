import { Clock } from '@app/core';
import { RemindersService } from '@app/notify';
import { startWorker, RunningWorker } from '../apps/worker/src/bootstrap';
import { milestonePlan } from './support/bodies';
import { outboxEvents } from './support/db';
import { Factories, factories } from './support/factories';
import { TestApp } from './support/test-app';
import { waitFor } from './support/wait';

const DAY = 86_400_000;

/** 揭榜挂帅 from the award on: winners within the cap, the public notice, milestones and the final acceptance. */
describe('揭榜挂帅: award, notice and delivery (e2e)', () => {
  let t: TestApp;
  let worker: RunningWorker;
  let make: Factories;

  beforeAll(async () => {
    t = await TestApp.start();
    worker = await startWorker(t.env.config, { relayIntervalMs: 50 });
    make = factories(t);
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
    await t?.stop();
  });

  /** a asked for 3,000,000 yuan and b for 2,500,000 under a 5,000,000 cap. */
  const applicants = {
    a: { name: '荆门锂能新材料有限公司', budgetYuan: 3_000_000 },
    b: { kind: 'university' as const, name: '荆楚理工学院', budgetYuan: 2_500_000 },
  };

  it('awards two winners in parallel within the cap, then a public notice with an objection', async () => {
    const ch = await make.challengeIn('reviewing', {
      applicants: { ...applicants, d: { kind: 'university', name: '某大学', ineligible: '缺少单位盖章的承诺书' } },
      reviewed: true,
    });
    const { id: challengeId, bureau, proposals: proposal } = ch;
    const d = ch.applicants.d;
    const milestones = milestonePlan;
    expect((await t.request('GET', `/api/challenges/${challengeId}`)).body.winners).toEqual([]);
    const overCap = await t.request('POST', `/api/challenges/${challengeId}/award`, {
      token: bureau.token,
      body: {
        winners: [
          { proposalId: proposal.a, budgetYuan: 3_000_000, milestones: milestones(2) },
          { proposalId: proposal.b, budgetYuan: 2_500_000, milestones: milestones(2) },
        ],
      },
    });
    expect(overCap.status).toBe(400);
    expect(overCap.body.message).toContain('超过');
    const badShares = await t.request('POST', `/api/challenges/${challengeId}/award`, {
      token: bureau.token,
      body: {
        winners: [
          {
            proposalId: proposal.a,
            budgetYuan: 1_000_000,
            milestones: [{ title: 'x', deliverable: 'y', dueDate: '2027-03-01', sharePct: 60 }],
          },
        ],
      },
    });
    expect(badShares.status).toBe(400);
    expect(badShares.body.details[0].field).toBe('winners.milestones.sharePct');
    const overRequest = await t.request('POST', `/api/challenges/${challengeId}/award`, {
      token: bureau.token,
      body: {
        winners: [
          { proposalId: proposal.a, budgetYuan: 3_200_000, milestones: milestones(1) },
          { proposalId: proposal.b, budgetYuan: 1_000_000, milestones: milestones(1) },
        ],
      },
    });
    expect(overRequest.status).toBe(400);
    expect(overRequest.body.details[0].field).toBe('winners.budgetYuan');
    expect(overRequest.body.message).toContain('申请经费 3000000 元');
    expect((await t.request('GET', `/api/proposals/${proposal.a}`, { token: bureau.token })).body.awardedBudgetYuan).toBeNull();
    const ineligibleWinner = await t.request('POST', `/api/challenges/${challengeId}/award`, {
      token: bureau.token,
      body: { winners: [{ proposalId: proposal.d, budgetYuan: 100, milestones: milestones(1) }] },
    });
    expect(ineligibleWinner.status).toBe(400);
    const state = await t.request('GET', `/api/challenges/${challengeId}`, { token: bureau.token });
    expect(state.body.status).toBe('reviewing');

    const award = await t.request('POST', `/api/challenges/${challengeId}/award`, {
      token: bureau.token,
      body: {
        winners: [
          { proposalId: proposal.a, budgetYuan: 2_500_000, milestones: milestones(2) },
          { proposalId: proposal.b, budgetYuan: 2_400_000, milestones: milestones(1) },
        ],
      },
    });
    expect(award.status).toBe(200);
    expect(award.body.status).toBe('awarded');
    // The notice (公示) is public: anyone sees who won, led by whom, with how much; before, nobody is named.
    const notice = await t.request('GET', `/api/challenges/${challengeId}`);
    expect(notice.status).toBe(200);
    expect(notice.body.winners).toEqual([
      expect.objectContaining({ proposalId: proposal.a, organizationName: '荆门锂能新材料有限公司', awardedBudgetYuan: 2_500_000 }),
      expect.objectContaining({ proposalId: proposal.b, organizationName: '荆楚理工学院', awardedBudgetYuan: 2_400_000 }),
    ]);
    expect(notice.body.winners[0].leaderName).toEqual(expect.any(String));

    const objection = await t.request('POST', `/api/challenges/${challengeId}/objections`, {
      token: d.token,
      body: { text: '对形式审查结论有异议' },
    });
    expect(objection.status).toBe(201);
    const early = await t.request('POST', `/api/challenges/${challengeId}/finalize`, { token: bureau.token });
    expect(early.status).toBe(409);
    t.get(Clock).advanceForTests(8 * DAY); // the notice period is seven days
    const unanswered = await t.request('POST', `/api/challenges/${challengeId}/finalize`, { token: bureau.token });
    expect(unanswered.status).toBe(409);
    expect(unanswered.body.message).toContain('异议');
    expect(
      (
        await t.request('POST', `/api/objections/${objection.body.id}/answer`, {
          token: bureau.token,
          body: { answer: '经复核，维持原结论。' },
        })
      ).status,
    ).toBe(200);
    // The bureau heard of the objection, and the objector of the answer.
    expect(await outboxEvents(t, 'challenge.objection-filed', { challengeId })).toEqual([{ challengeId, objectionId: objection.body.id }]);
    expect(await outboxEvents(t, 'challenge.objection-answered', { challengeId })).toEqual([
      { challengeId, objectionId: objection.body.id, organizationIds: [d.organizationId] },
    ]);
    const final = await t.request('POST', `/api/challenges/${challengeId}/finalize`, { token: bureau.token });
    expect(final.body.status).toBe('in_progress');
    const outcomes = await outboxEvents(t, 'proposal.outcome', { challengeId });
    expect(outcomes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ proposalId: proposal.a, awarded: true }),
        expect.objectContaining({ proposalId: proposal.b, awarded: true }),
        expect.objectContaining({ proposalId: proposal.d, awarded: false }),
      ]),
    );
  });

  it('delivers through milestones: a return with reasons, acceptance, then final acceptance', async () => {
    const ch = await make.challengeIn('in_progress', {
      applicants,
      winners: { a: { budgetYuan: 2_500_000, milestones: 2 }, b: { budgetYuan: 2_400_000, milestones: 1 } },
    });
    const { id: challengeId, bureau, proposals: proposal } = ch;
    const { a, b } = ch.applicants;
    const list = await t.request('GET', `/api/challenges/${challengeId}/milestones`, { token: a.token });
    const mine = list.body.filter((m: { proposalId: string }) => m.proposalId === proposal.a);
    expect(mine.map((m: { amountYuan: number }) => m.amountYuan)).toEqual([1_250_000, 1_250_000]);
    const all = (await t.request('GET', `/api/challenges/${challengeId}/milestones`, { token: bureau.token })).body as {
      id: string;
      proposalId: string;
    }[];
    const first = mine[0].id;
    const notSubmitted = await t.request('POST', `/api/milestones/${first}/accept`, { token: bureau.token });
    expect(notSubmitted.status).toBe(409);
    expect(notSubmitted.body.message).toContain('待提交');
    expect(notSubmitted.body.message).not.toContain('pending');
    expect((await t.request('POST', `/api/milestones/${first}/evidence`, { token: b.token, body: { evidence: '冒充' } })).status).toBe(404);
    expect(
      (await t.request('POST', `/api/milestones/${first}/evidence`, { token: a.token, body: { evidence: '小试样品检测报告' } })).body
        .status,
    ).toBe('submitted');
    const returned = await t.request('POST', `/api/milestones/${first}/return`, {
      token: bureau.token,
      body: { reason: '检测报告缺少第三方盖章' },
    });
    expect(returned.body).toEqual(expect.objectContaining({ status: 'returned', returnReason: '检测报告缺少第三方盖章' }));
    expect(await outboxEvents(t, 'milestone.returned', { challengeId })).toEqual([
      expect.objectContaining({ milestoneId: first, organizationIds: [a.organizationId] }),
    ]);
    // Its due date passes while it is returned: the overdue check tells both sides, the winner and the bureau.
    // (The check is the reminder finalize scheduled for the due day; here it is brought forward to now.)
    await t.get(RemindersService).schedule(`milestone:${first}:overdue`, new Date(Date.now() + 200), 'milestone.overdue-check', {
      milestoneId: first,
    });
    const overdue = await waitFor(
      async () => (await outboxEvents(t, 'milestone.overdue', { challengeId }))[0],
      20_000,
      'overdue milestone',
    );
    expect(overdue).toEqual(
      expect.objectContaining({ milestoneId: first, organizationIds: expect.arrayContaining([a.organizationId, bureau.organizationId]) }),
    );
    const notYet = await t.request('POST', `/api/challenges/${challengeId}/complete`, { token: bureau.token });
    expect(notYet.status).toBe(409);
    for (const m of all) {
      const owner = m.proposalId === proposal.a ? a : b;
      expect(
        (await t.request('POST', `/api/milestones/${m.id}/evidence`, { token: owner.token, body: { evidence: '完成材料' } })).status,
      ).toBe(200);
      expect((await t.request('POST', `/api/milestones/${m.id}/accept`, { token: bureau.token })).body.status).toBe('accepted');
    }
    const done = await t.request('POST', `/api/challenges/${challengeId}/complete`, { token: bureau.token });
    expect(done.body.status).toBe('completed');
    expect(await outboxEvents(t, 'challenge.completed', { challengeId })).toEqual([
      expect.objectContaining({ challengeId, organizationIds: expect.arrayContaining([a.organizationId, b.organizationId]) }),
    ]);
  });
});
