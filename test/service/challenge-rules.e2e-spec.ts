import { AuthUser, Clock } from '@app/core';
import { ChallengesModule, ChallengesService } from '@app/challenges';
import { AwardsService } from '@app/challenges/awards.service';
import { OverBudgetError, ReviewNotFinishedError } from '@app/challenges/challenges.errors';
import type { CreateChallengeDto } from '@app/challenges/dto/challenge.dto';
import type { CreateProposalDto } from '@app/challenges/dto/proposal.dto';
import type { AwardDto } from '@app/challenges/dto/review.dto';
import { MilestonesService } from '@app/challenges/milestones.service';
import { ProposalsService } from '@app/challenges/proposals.service';
import { ReviewsService } from '@app/challenges/reviews.service';
import { CRITERIA, challengeBody, proposalBody } from '../support/bodies';
import { ServiceWorld } from '../support/service-world';

const DAY = 86_400_000;

/**
 * The rules of 揭榜挂帅 that decide money and rank, on the services and the real database (no
 * HTTP): how scores aggregate, how the award stays within the budgets, how milestones are split
 * and delivered. Each test builds its own challenge.
 */
describe('揭榜挂帅 rules, on the services (real PostgreSQL, no HTTP)', () => {
  let w: ServiceWorld;
  let bureau: AuthUser;
  let clock: Clock;

  beforeAll(async () => {
    w = await ServiceWorld.start([ChallengesModule]);
    bureau = await w.member('bureau', '荆门市科学技术局');
    clock = w.get(Clock);
  });
  afterAll(() => w.stop());

  interface InReview {
    challengeId: string;
    proposals: { id: string; applicant: AuthUser }[];
    experts: AuthUser[];
  }

  /** A published challenge (5,000,000 yuan cap) answered with these budgets, closed, every proposal shortlisted, `experts` assigned. */
  async function inReview(budgetsYuan: number[], expertCount: number): Promise<InReview> {
    const challenges = w.get(ChallengesService);
    const proposals = w.get(ProposalsService);
    const c = await challenges.create(challengeBody(clock.now()) as unknown as CreateChallengeDto, bureau);
    await challenges.publish(c.id, bureau);
    const filed: InReview['proposals'] = [];
    for (const [i, budget] of budgetsYuan.entries()) {
      const applicant = await w.member('enterprise', `申报单位${i + 1}`);
      const p = await proposals.create(c.id, proposalBody(budget) as unknown as CreateProposalDto, applicant);
      await proposals.submit(p.id, applicant);
      filed.push({ id: p.id, applicant });
    }
    clock.advanceForTests(c.closesAt.getTime() - clock.now().getTime() + 60_000);
    await challenges.startReview(c.id, bureau);
    for (const p of filed) await proposals.screen(p.id, true, undefined, bureau);
    const home = await w.member('university', '专家所在大学');
    const experts: AuthUser[] = [];
    for (let i = 0; i < expertCount; i++) experts.push(await w.expert(home.organizationId, `专家${i + 1}`, bureau));
    await w.get(ReviewsService).assignExperts(
      c.id,
      experts.map((e) => e.userId),
      bureau,
    );
    return { challengeId: c.id, proposals: filed, experts };
  }

  /** An expert's review, submitted: one score per criterion (tech, team, budget: weights 50, 30, 20). */
  const review = (proposalId: string, expert: AuthUser, [tech, team, budget]: number[], submit = true) =>
    w.get(ReviewsService).saveReview(
      proposalId,
      {
        scores: CRITERIA.map((k, i) => ({ criterion: k.key, score: [tech, team, budget][i], comment: '意见' })),
      },
      expert,
      submit,
    );

  /** Every assigned expert scores every proposal `score` on each criterion. */
  async function reviewAll(r: InReview, score = 80): Promise<void> {
    for (const p of r.proposals) for (const e of r.experts) await review(p.id, e, [score, score, score]);
  }

  const award = (challengeId: string, winners: { proposalId: string; budgetYuan: number; shares?: number[] }[]) =>
    w.get(AwardsService).award(
      challengeId,
      {
        winners: winners.map((x) => ({
          proposalId: x.proposalId,
          budgetYuan: x.budgetYuan,
          milestones: (x.shares ?? [100]).map((sharePct, i) => ({
            title: `阶段${i + 1}`,
            deliverable: `交付物${i + 1}`,
            dueDate: `2027-0${i + 3}-30`,
            sharePct,
          })),
        })),
      } as AwardDto,
      bureau,
    );

  /** What an award leaves behind on a challenge: its state, the proposals' awarded budgets, milestones, the awarded event. */
  async function traces(challengeId: string) {
    const q = (sql: string) => w.db.query(sql, [challengeId]);
    return {
      status: (await q(`SELECT status FROM challenge WHERE id = $1`))[0].status,
      awarded: (await q(`SELECT count(*)::int AS n FROM proposal WHERE challenge_id = $1 AND awarded_budget_fen IS NOT NULL`))[0].n,
      milestones: (await q(`SELECT count(*)::int AS n FROM milestone WHERE challenge_id = $1`))[0].n,
      events: (await q(`SELECT count(*)::int AS n FROM outbox_event WHERE type = 'challenge.awarded' AND payload->>'challengeId' = $1`))[0]
        .n,
    };
  }

  describe('scoring', () => {
    it('weighs each criterion, and from five experts up drops the highest and the lowest total before averaging', async () => {
      const r = await inReview([1_000_000, 1_000_000, 1_000_000], 5);
      const [five, four, none] = r.proposals;
      const e = r.experts;
      // Five totals: 73 (45+18+10), 100, 40, 73 (40+21+12), 77 (35+24+18).
      const given = [
        [90, 60, 50],
        [100, 100, 100],
        [40, 40, 40],
        [80, 70, 60],
        [70, 80, 90],
      ];
      for (const [i, scores] of given.entries()) expect((await review(five.id, e[i], scores)).total).toBe([73, 100, 40, 73, 77][i]);
      // Four submitted reviews and a draft, which does not count: nothing is dropped.
      for (const [i, s] of [60, 70, 80, 90].entries()) await review(four.id, e[i], [s, s, s]);
      await review(four.id, e[4], [100, 100, 100], false);

      const ranking = await w.get(ReviewsService).ranking(r.challengeId);
      expect(ranking.map((x) => x.proposalId)).toEqual([four.id, five.id, none.id]);
      expect(ranking[0]).toEqual(
        expect.objectContaining({ rank: 1, score: 75, experts: 4, dropped: [], kept: [60, 70, 80, 90], spread: 30 }),
      );
      expect(ranking[1]).toEqual(
        expect.objectContaining({ rank: 2, score: 74.33, experts: 5, dropped: [40, 100], kept: [73, 73, 77], spread: 60 }),
      );
      // The criterion means are over the reviews kept (the 100 and the 40 left out).
      expect(ranking[1].criterionMeans).toEqual({ tech: 80, team: 70, budget: 66.67 });
      // Nobody has scored the third: last, without a score.
      expect(ranking[2]).toEqual(expect.objectContaining({ rank: 3, score: null, experts: 0, spread: null }));
    });

    it('does not award while a shortlisted proposal has no expert left to review it', async () => {
      const r = await inReview([1_000_000, 1_000_000], 3);
      const [kept, conflicted] = r.proposals;
      for (const e of r.experts) await w.get(ReviewsService).declareConflict(r.challengeId, conflicted.id, '曾与申报团队合作', e);
      for (const e of r.experts) await review(kept.id, e, [80, 80, 80]);
      const refused = award(r.challengeId, [{ proposalId: kept.id, budgetYuan: 1_000_000 }]);
      await expect(refused).rejects.toThrow(ReviewNotFinishedError);
      await expect(refused).rejects.toThrow('有 1 份入围申请没有可参与评审的专家，请先指派专家');
      expect(await traces(r.challengeId)).toEqual({ status: 'reviewing', awarded: 0, milestones: 0, events: 0 });
    });
  });

  describe('award budgets', () => {
    it('keeps each winner within its requested budget and all of them within the cap, to the yuan, changing nothing on a refusal', async () => {
      const r = await inReview([3_000_001, 2_500_000], 3);
      await reviewAll(r);
      const [a, b] = r.proposals;

      const overRequest = award(r.challengeId, [
        { proposalId: b.id, budgetYuan: 1_000_000 },
        { proposalId: a.id, budgetYuan: 3_000_002 },
      ]);
      await expect(overRequest).rejects.toThrow(OverBudgetError);
      await expect(overRequest).rejects.toThrow('第 2 个中榜单位的中榜经费 3000002 元，超过其申请经费 3000001 元');
      const overCap = award(r.challengeId, [
        { proposalId: a.id, budgetYuan: 3_000_001 },
        { proposalId: b.id, budgetYuan: 2_000_000 },
      ]);
      await expect(overCap).rejects.toThrow('中榜经费合计 5000001 元，超过榜单财政资金上限 5000000 元');
      await expect(overCap).rejects.toMatchObject({
        details: [{ field: 'winners.budgetYuan', message: expect.stringContaining('5000001') }],
      });
      expect(await traces(r.challengeId)).toEqual({ status: 'reviewing', awarded: 0, milestones: 0, events: 0 });

      // Exactly the cap is within it; the matching funds (配套资金) are not part of it.
      const done = await award(r.challengeId, [
        { proposalId: a.id, budgetYuan: 3_000_001, shares: [33.33, 33.33, 33.34] },
        { proposalId: b.id, budgetYuan: 1_999_999 },
      ]);
      expect(done.status).toBe('awarded');
      expect(await traces(r.challengeId)).toEqual({ status: 'awarded', awarded: 2, milestones: 4, events: 1 });
      // The milestones split each award in whole fen, in the plan's order, adding up exactly.
      const rows: { seq: number; amount_fen: string }[] = await w.db.query(
        `SELECT seq, amount_fen FROM milestone WHERE proposal_id = $1 ORDER BY seq`,
        [a.id],
      );
      expect(rows.map((m) => [m.seq, Number(m.amount_fen)])).toEqual([
        [1, 99_990_033],
        [2, 99_990_033],
        [3, 100_020_034],
      ]);
      expect(rows.reduce((sum, m) => sum + Number(m.amount_fen), 0)).toBe(300_000_100);
    });

    it('refuses milestone shares that do not add up to 100%', async () => {
      const r = await inReview([1_000_000], 3);
      await reviewAll(r);
      const refused = award(r.challengeId, [{ proposalId: r.proposals[0].id, budgetYuan: 1_000_000, shares: [33.33, 33.33, 33.33] }]);
      await expect(refused).rejects.toMatchObject({
        message: '里程碑拨付比例之和应为 100%',
        details: [{ field: 'winners.milestones.sharePct' }],
      });
      expect(await traces(r.challengeId)).toEqual({ status: 'reviewing', awarded: 0, milestones: 0, events: 0 });
    });
  });

  describe('milestones', () => {
    it('are delivered only once the award is final, each submitted before it is accepted, all accepted before the final acceptance', async () => {
      const r = await inReview([2_000_000, 1_000_000], 3);
      await reviewAll(r);
      const [a, b] = r.proposals;
      await award(r.challengeId, [
        { proposalId: a.id, budgetYuan: 2_000_000, shares: [30, 70] },
        { proposalId: b.id, budgetYuan: 1_000_000 },
      ]);
      const milestones = w.get(MilestonesService);
      const plan = await milestones.list(r.challengeId, bureau);
      const of = (proposalId: string) => plan.filter((m) => m.proposalId === proposalId).map((m) => [m.seq, m.title, m.amountYuan]);
      expect(of(a.id)).toEqual([
        [1, '阶段1', 600_000],
        [2, '阶段2', 1_400_000],
      ]);
      expect(of(b.id)).toEqual([[1, '阶段1', 1_000_000]]);
      const [first, second] = plan.filter((m) => m.proposalId === a.id);

      // During the notice period (公示) the award is not final yet: nothing is delivered.
      await expect(milestones.submitEvidence(first.id, '小试样品', a.applicant)).rejects.toThrow('榜单不在攻关阶段');
      clock.advanceForTests(8 * DAY);
      await w.get(AwardsService).finalize(r.challengeId, bureau);

      await expect(milestones.accept(first.id, bureau)).rejects.toThrow('待提交');
      expect((await milestones.submitEvidence(first.id, '小试样品', a.applicant)).status).toBe('submitted');
      expect((await milestones.return(first.id, '缺少检测报告', bureau)).returnReason).toBe('缺少检测报告');
      expect((await milestones.submitEvidence(first.id, '小试样品及检测报告', a.applicant)).status).toBe('submitted');
      expect(await milestones.accept(first.id, bureau)).toEqual(expect.objectContaining({ status: 'accepted', returnReason: null }));
      await expect(milestones.accept(first.id, bureau)).rejects.toThrow('已通过');

      await expect(milestones.complete(r.challengeId, bureau)).rejects.toThrow('还有 2 个里程碑未通过验收');
      for (const m of [second, ...plan.filter((x) => x.proposalId === b.id)]) {
        await milestones.submitEvidence(m.id, '完成材料', m.proposalId === a.id ? a.applicant : b.applicant);
        await milestones.accept(m.id, bureau);
      }
      expect((await milestones.complete(r.challengeId, bureau)).status).toBe('completed');
      const audited: { to_state: string }[] = await w.db.query(
        `SELECT to_state FROM audit_log WHERE entity_type = 'milestone' AND entity_id = $1 ORDER BY id`,
        [first.id],
      );
      expect(audited.map((x) => x.to_state)).toEqual(['submitted', 'returned', 'submitted', 'accepted']);
    });
  });
});
