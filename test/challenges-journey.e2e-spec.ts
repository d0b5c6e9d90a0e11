import { DataSource } from 'typeorm';
import { RemindersService } from '@app/notify';
import { startWorker, RunningWorker } from '../apps/worker/src/bootstrap';
import { outboxEvents } from './support/db';
import { ChallengeState, Expert, factories } from './support/factories';
import { OrgSession, TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * One challenge through its whole life, in a world of its own (the bureau's figures count every
 * challenge there is): a and b win, c withdraws, d is ruled out and objects to the award, a's first
 * milestone is returned and falls overdue. The tests read what that left.
 */
describe('揭榜挂帅: one challenge from publication to final acceptance (e2e)', () => {
  let t: TestApp;
  let worker: RunningWorker;
  let ch: ChallengeState;
  let bureau: OrgSession;
  let a: OrgSession;
  let b: OrgSession;
  let c: OrgSession;
  let d: OrgSession;
  let expert: Expert;

  beforeAll(async () => {
    t = await TestApp.start();
    worker = await startWorker(t.env.config, { relayIntervalMs: 50 });
    const make = factories(t);
    ch = await make.challengeIn('awarded', {
      applicants: {
        a: { name: '荆门锂能新材料有限公司', budgetYuan: 3_000_000 },
        b: { kind: 'university', name: '荆楚理工学院', budgetYuan: 2_500_000 },
        c: { kind: 'institute', name: '荆门市化工研究院', stop: 'withdrawn' },
        d: { kind: 'university', name: '某大学', ineligible: '缺少单位盖章的承诺书' },
      },
      winners: { a: { budgetYuan: 2_500_000, milestones: 2 }, b: { budgetYuan: 2_400_000, milestones: 1 } },
    });
    ({ bureau } = ch);
    ({ a, b, c, d } = ch.applicants);
    expert = ch.experts[0];
    const objection = await make.ok('POST', `/api/challenges/${ch.id}/objections`, d.token, { text: '对形式审查结论有异议' }, 201);
    await make.ok('POST', `/api/objections/${objection.id}/answer`, bureau.token, { answer: '经复核，维持原结论。' });
    await make.advance(ch, 'in_progress');
    const milestones: { id: string; proposalId: string; seq: number }[] = await make.ok(
      'GET',
      `/api/challenges/${ch.id}/milestones`,
      a.token,
    );
    const first = milestones.find((m) => m.proposalId === ch.proposals.a && m.seq === 1)!.id;
    await make.ok('POST', `/api/milestones/${first}/evidence`, a.token, { evidence: '小试样品检测报告' });
    await make.ok('POST', `/api/milestones/${first}/return`, bureau.token, { reason: '检测报告缺少第三方盖章' });
    // The overdue check finalize scheduled for the due day, brought forward to now.
    await t.get(RemindersService).schedule(`milestone:${first}:overdue`, new Date(Date.now() + 200), 'milestone.overdue-check', {
      milestoneId: first,
    });
    await waitFor(async () => (await outboxEvents(t, 'milestone.overdue')).length > 0, 20_000, 'overdue milestone');
    await make.advance(ch, 'completed');
  }, 180_000);
  afterAll(async () => {
    await worker?.stop();
    await t?.stop();
  });

  it('gives the bureau its figures', async () => {
    const challengeId = ch.id;
    const stats = await t.request('GET', '/api/stats/challenges', { token: bureau.token });
    expect(stats.body).toEqual(
      expect.objectContaining({
        fundsCommittedYuan: 4_900_000,
        fundsReleasedYuan: 4_900_000,
        completed: 1,
        completionRate: 1,
        proposalsPerChallenge: [expect.objectContaining({ challengeId, proposals: 3 })],
      }),
    );
    expect((await t.request('GET', '/api/stats/challenges', { token: a.token })).status).toBe(403);
    const history = await t
      .get(DataSource)
      .query(
        `SELECT from_state, to_state FROM audit_log WHERE entity_type = 'challenge' AND entity_id = $1 AND to_state IS NOT NULL ORDER BY id`,
        [challengeId],
      );
    expect(history.map((h: { to_state: string }) => h.to_state)).toEqual([
      'draft',
      'published',
      'reviewing',
      'awarded',
      'in_progress',
      'completed',
    ]);
  });

  it('told every party in its inbox, in Chinese, and nobody twice', async () => {
    const inbox = async (token: string): Promise<{ eventType: string; title: string }[]> =>
      (await t.request('GET', '/api/notifications?pageSize=100', { token })).body.items;
    const expected: [OrgSession | { token: string }, string[]][] = [
      [
        a,
        ['challenge.awarded', 'proposal.outcome', 'milestone.returned', 'milestone.overdue', 'milestone.accepted', 'challenge.completed'],
      ],
      [b, ['proposal.screened', 'challenge.awarded', 'proposal.outcome', 'milestone.accepted', 'challenge.completed']],
      [d, ['proposal.screened', 'challenge.awarded', 'challenge.objection-answered', 'proposal.outcome']],
      [bureau, ['challenge.objection-filed', 'milestone.submitted', 'milestone.overdue']],
      [expert, ['challenge.experts-assigned']],
    ];
    for (const [who, types] of expected) {
      const items = await waitFor(
        async () => {
          const got = await inbox(who.token);
          return types.every((ty) => got.some((n) => n.eventType === ty)) ? got : null;
        },
        20_000,
        `inbox of ${types.join(', ')}`,
      );
      expect((items ?? []).every((n) => /[\u4e00-\u9fff]/.test(n.title))).toBe(true);
    }
    // One notification per event per person: c withdrew and was never screened or awarded.
    const cTypes = (await inbox(c.token)).map((n) => n.eventType);
    expect(cTypes).not.toContain('proposal.outcome');
    const outcomes = (await inbox(d.token)).filter((n) => n.eventType === 'proposal.outcome');
    expect(outcomes).toHaveLength(1);
  });
});
