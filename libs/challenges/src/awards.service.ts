import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  actorOf,
  AuditService,
  AuthUser,
  Clock,
  isBureau,
  NotFoundError,
  OutboxService,
  TransactionHost,
  ValidationFailedError,
  Transitions,
  fenToYuan,
  yuanToFen,
} from '@app/core';
import { toChallengeView } from './challenge.mapper';
import { CHALLENGE_MACHINE, PROPOSAL_MACHINE } from './challenge-machines';
import { OverBudgetError, ReviewNotFinishedError, stateError } from './challenges.errors';
import { ChallengesService } from './challenges.service';
import { ChallengeNoticesService } from './challenge-notices.service';
import { AwardDto } from './dto/review.dto';
import { Milestone } from './entities/milestone.entity';
import { Proposal } from './entities/proposal.entity';
import { Objection } from './entities/review.entities';
import { applicantOrgs } from './proposal.util';
import { ReviewsService } from './reviews.service';
import { sharesSumTo100, splitByShares } from './scoring.util';

const DAY_MS = 86_400_000;

/** Award (赛马制: several winners within the cap), public notice with objections, then final. */
@Injectable()
export class AwardsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly challenges: ChallengesService,
    private readonly transitions: Transitions,
    private readonly notices: ChallengeNoticesService,
    private readonly reviews: ReviewsService,
  ) {}

  async award(challengeId: string, dto: AwardDto, actor: AuthUser) {
    return this.tx.run(async () => {
      const c = await this.challenges.lock(challengeId);
      CHALLENGE_MACHINE.check('award', c.status);
      await this.assertReviewFinished(challengeId);
      const ids = dto.winners.map((w) => w.proposalId);
      if (new Set(ids).size !== ids.length) throw new ValidationFailedError('中榜申请不能重复', [{ field: 'winners', message: '重复' }]);
      const proposals = await this.tx
        .repo(Proposal)
        .createQueryBuilder('p')
        .where('p.id = ANY(:ids) AND p.challenge_id = :challengeId', { ids, challengeId })
        .getMany();
      for (const [i, w] of dto.winners.entries()) {
        const p = proposals.find((x) => x.id === w.proposalId);
        if (!p || p.status !== 'shortlisted') {
          throw new ValidationFailedError('只能从入围评审的申请中评定中榜单位', [
            { field: 'winners.proposalId', message: `${w.proposalId} 未入围` },
          ]);
        }
        if (yuanToFen(w.budgetYuan) > p.requestedBudgetFen) {
          throw new OverBudgetError(
            'winners.budgetYuan',
            `第 ${i + 1} 个中榜单位的中榜经费 ${w.budgetYuan} 元，超过其申请经费 ${fenToYuan(p.requestedBudgetFen)} 元`,
          );
        }
        if (!sharesSumTo100(w.milestones.map((m) => m.sharePct))) {
          throw new ValidationFailedError('里程碑拨付比例之和应为 100%', [
            { field: 'winners.milestones.sharePct', message: '之和应为 100' },
          ]);
        }
      }
      const totalFen = dto.winners.reduce((a, w) => a + yuanToFen(w.budgetYuan), 0);
      if (totalFen > c.budgetCapFen) {
        throw new OverBudgetError(
          'winners.budgetYuan',
          `中榜经费合计 ${fenToYuan(totalFen)} 元，超过榜单财政资金上限 ${fenToYuan(c.budgetCapFen)} 元`,
        );
      }
      for (const w of dto.winners) {
        const p = proposals.find((x) => x.id === w.proposalId) as Proposal;
        p.awardedBudgetFen = yuanToFen(w.budgetYuan);
        await this.tx.repo(Proposal).save(p);
        const amounts = splitByShares(
          p.awardedBudgetFen,
          w.milestones.map((m) => m.sharePct),
        );
        const repo = this.tx.repo(Milestone);
        await repo.save(
          w.milestones.map((m, i) =>
            repo.create({
              challengeId,
              proposalId: p.id,
              seq: i + 1,
              title: m.title,
              deliverable: m.deliverable,
              dueDate: m.dueDate.slice(0, 10),
              fundSharePct: m.sharePct,
              amountFen: amounts[i],
            }),
          ),
        );
      }
      c.noticeEndsAt = new Date(this.clock.now().getTime() + c.publicityDays * DAY_MS);
      await this.challenges.transition(c, 'award', actor);
      const applicants = await this.applicantOrganizations(challengeId);
      await this.outbox.emit('challenge.awarded', { challengeId, organizationIds: applicants, noticeEndsAt: c.noticeEndsAt.toISOString() });
      return { ...toChallengeView(c), winners: dto.winners.map((w) => ({ proposalId: w.proposalId, budgetYuan: w.budgetYuan })) };
    });
  }

  async fileObjection(challengeId: string, text: string, actor: AuthUser) {
    return this.tx.run(async () => {
      const c = await this.challenges.visible(challengeId, actor);
      if (c.status !== 'awarded' || !c.noticeEndsAt || this.clock.now() >= c.noticeEndsAt) throw stateError('不在公示期内，不能提出异议');
      const repo = this.tx.repo(Objection);
      const o = await repo.save(repo.create({ challengeId, organizationId: actor.organizationId, filedByUserId: actor.userId, text }));
      await this.audit.record({
        actor: actorOf(actor),
        action: 'challenge.objection',
        entityType: 'challenge',
        entityId: challengeId,
        data: { objectionId: o.id },
      });
      await this.outbox.emit('challenge.objection-filed', { challengeId, objectionId: o.id });
      return o;
    });
  }

  async answerObjection(objectionId: string, answer: string, actor: AuthUser) {
    return this.tx.run(async () => {
      const o = await this.tx.repo(Objection).findOne({ where: { id: objectionId }, lock: { mode: 'pessimistic_write' } });
      if (!o) throw new NotFoundError('异议');
      if (o.answeredAt) throw stateError('该异议已答复');
      Object.assign(o, { answer, answeredByUserId: actor.userId, answeredAt: this.clock.now() });
      await this.tx.repo(Objection).save(o);
      await this.audit.record({
        actor: actorOf(actor),
        action: 'challenge.objection-answer',
        entityType: 'challenge',
        entityId: o.challengeId,
        data: { objectionId },
      });
      await this.outbox.emit('challenge.objection-answered', {
        challengeId: o.challengeId,
        objectionId,
        organizationIds: [o.organizationId],
      });
      return o;
    });
  }

  /** Objections are visible to the bureau, and to the organization that filed them. */
  async objections(challengeId: string, viewer: AuthUser) {
    const where = isBureau(viewer) ? { challengeId } : { challengeId, organizationId: viewer.organizationId };
    return this.tx.repo(Objection).find({ where, order: { createdAt: 'ASC' } });
  }

  /** After the notice period, with every objection answered: winners awarded, the rest declined, all told. */
  async finalize(challengeId: string, actor: AuthUser) {
    return this.tx.run(async () => {
      const c = await this.challenges.lock(challengeId);
      CHALLENGE_MACHINE.check('finalize', c.status);
      if (!c.noticeEndsAt) throw stateError('只有公示中的榜单可以确认评定结果');
      if (this.clock.now() < c.noticeEndsAt) throw stateError('公示期尚未结束');
      const unanswered = await this.tx
        .repo(Objection)
        .createQueryBuilder('o')
        .where('o.challenge_id = :challengeId AND o.answered_at IS NULL', { challengeId })
        .getCount();
      if (unanswered) throw stateError(`还有 ${unanswered} 条异议未答复`);
      const proposals = await this.tx.repo(Proposal).find({ where: { challengeId } });
      for (const p of proposals.filter((x) => x.status === 'shortlisted')) {
        await this.transitions.run(
          PROPOSAL_MACHINE,
          p.awardedBudgetFen !== null ? 'award' : 'decline',
          { entity: Proposal, row: p },
          { actor },
        );
      }
      for (const p of proposals.filter((x) => ['awarded', 'declined', 'ineligible'].includes(x.status))) {
        await this.outbox.emit('proposal.outcome', {
          proposalId: p.id,
          challengeId,
          organizationIds: applicantOrgs(p),
          awarded: p.status === 'awarded',
        });
      }
      const winners = proposals.filter((x) => x.status === 'awarded').map((x) => x.id);
      await this.notices.scheduleOverdueChecks(
        winners.length ? await this.tx.repo(Milestone).find({ where: { proposalId: In(winners) } }) : [],
      );
      c.finalizedAt = this.clock.now();
      await this.challenges.transition(c, 'finalize', actor);
      return toChallengeView(c);
    });
  }

  private async assertReviewFinished(challengeId: string): Promise<void> {
    const r = await this.reviews.completion(challengeId);
    if (r.unscreened) throw new ReviewNotFinishedError(`还有 ${r.unscreened} 份申请未完成形式审查`);
    if (r.withoutReviewers) throw new ReviewNotFinishedError(`有 ${r.withoutReviewers} 份入围申请没有可参与评审的专家，请先指派专家`);
    if (!r.finished) throw new ReviewNotFinishedError(`已提交 ${r.submitted}/${r.expected} 份专家评审意见`);
  }

  private async applicantOrganizations(challengeId: string): Promise<string[]> {
    const proposals = await this.tx.repo(Proposal).find({ where: { challengeId } });
    return [...new Set(proposals.filter((p) => !['draft', 'withdrawn'].includes(p.status)).flatMap(applicantOrgs))];
  }
}
