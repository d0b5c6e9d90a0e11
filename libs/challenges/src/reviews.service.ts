import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  actorOf,
  AuditService,
  AuthUser,
  Clock,
  ForbiddenError,
  NotFoundError,
  OutboxService,
  TransactionHost,
  ValidationFailedError,
  fenToYuan,
} from '@app/core';
import { OrganizationsService, UsersService } from '@app/identity';
import { MIN_EXPERTS } from './challenge.constants';
import { toProposalView } from './challenge.mapper';
import { ReviewNotStartedError, stateError } from './challenges.errors';
import { ChallengesService } from './challenges.service';
import { ReviewDto, SubmitReviewDto } from './dto/review.dto';
import { Challenge } from './entities/challenge.entity';
import { Proposal } from './entities/proposal.entity';
import { ChallengeExpert, ExpertConflict, Review } from './entities/review.entities';
import { applicantOrgs } from './proposal.util';
import { ReviewCompletion, reviewCompletion } from './review-completion.util';
import { aggregateTotals, criterionMeans, weightedTotal } from './scoring.util';

/** Expert review: assignment with automatic conflict exclusion, scoring, progress and ranking. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly challenges: ChallengesService,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
  ) {}

  async assignExperts(challengeId: string, userIds: string[], actor: AuthUser) {
    return this.tx.run(async () => {
      const c = await this.challenges.lock(challengeId);
      if (!['published', 'reviewing'].includes(c.status)) throw stateError('只能为揭榜中或评审中的榜单指派专家');
      const users = await this.users.findByIds([...new Set(userIds)]);
      const notExperts = userIds.filter((id) => !users.some((u) => u.id === id && u.isExpert && u.active));
      if (notExperts.length) {
        throw new ValidationFailedError('所选用户不在专家库中', [{ field: 'userIds', message: `不在专家库中：${notExperts.join(', ')}` }]);
      }
      const repo = this.tx.repo(ChallengeExpert);
      const existing = await repo.find({ where: { challengeId } });
      const fresh = users.filter((u) => !existing.some((e) => e.userId === u.id));
      if (existing.length + fresh.length < MIN_EXPERTS) {
        throw new ValidationFailedError(`每个榜单至少需要 ${MIN_EXPERTS} 位评审专家`, [
          { field: 'userIds', message: `至少 ${MIN_EXPERTS} 位` },
        ]);
      }
      await repo.save(fresh.map((u) => repo.create({ challengeId, userId: u.id, organizationId: u.organizationId })));
      await this.audit.record({
        actor: actorOf(actor),
        action: 'challenge.assign-experts',
        entityType: 'challenge',
        entityId: challengeId,
        data: { userIds: fresh.map((u) => u.id) },
      });
      if (fresh.length) await this.outbox.emit('challenge.experts-assigned', { challengeId, userIds: fresh.map((u) => u.id) });
      return this.experts(c.id);
    });
  }

  /**
   * Takes an expert off a challenge who can no longer review (illness, a conflict found late), so
   * that the review can still be completed. Only before they have submitted anything for it, and
   * only if enough experts remain; their drafts go with them. The reason goes to the audit log.
   */
  async withdrawExpert(challengeId: string, userId: string, reason: string, actor: AuthUser) {
    return this.tx.run(async () => {
      const c = await this.challenges.lock(challengeId);
      if (!['published', 'reviewing'].includes(c.status)) throw stateError('只能在揭榜中或评审中撤换评审专家');
      const repo = this.tx.repo(ChallengeExpert);
      const assigned = await repo.find({ where: { challengeId } });
      if (!assigned.some((e) => e.userId === userId)) throw new NotFoundError('该榜单的评审专家');
      const reviews = await this.reviewsOn(challengeId)
        .andWhere('r.expert_user_id = :userId', { userId })
        // Locked, so a submission racing this withdrawal waits and then finds no assignment.
        .setLock('pessimistic_write', undefined, ['r'])
        .getMany();
      if (reviews.some((r) => r.status === 'submitted')) throw stateError('该专家已提交评审意见，不能撤换');
      if (assigned.length - 1 < MIN_EXPERTS) {
        throw stateError(`撤换后评审专家将少于 ${MIN_EXPERTS} 位，请先指派替补专家`);
      }
      if (reviews.length) await this.tx.repo(Review).delete(reviews.map((r) => r.id));
      await repo.delete({ challengeId, userId });
      await this.audit.record({
        actor: actorOf(actor),
        action: 'challenge.withdraw-expert',
        entityType: 'challenge',
        entityId: challengeId,
        reason,
        data: { userId, draftsDiscarded: reviews.length },
      });
      return this.experts(challengeId);
    });
  }

  async experts(challengeId: string) {
    const rows = await this.tx.repo(ChallengeExpert).find({ where: { challengeId }, order: { assignedAt: 'ASC' } });
    return rows.map((r) => ({ userId: r.userId, organizationId: r.organizationId, assignedAt: r.assignedAt }));
  }

  async declareConflict(challengeId: string, proposalId: string, reason: string, expert: AuthUser) {
    return this.tx.run(async () => {
      await this.requireAssigned(challengeId, expert);
      const p = await this.tx.repo(Proposal).findOne({ where: { id: proposalId, challengeId } });
      if (!p) throw new NotFoundError('揭榜申请');
      const repo = this.tx.repo(ExpertConflict);
      await repo.createQueryBuilder().insert().values({ challengeId, userId: expert.userId, proposalId, reason }).orIgnore().execute();
      await this.audit.record({ actor: actorOf(expert), action: 'review.conflict', entityType: 'proposal', entityId: proposalId, reason });
      return { proposalId, reason };
    });
  }

  /**
   * What an expert may review: shortlisted proposals of challenges they are assigned to, except
   * those of their own organization (automatic) and those they declared a conflict for.
   */
  async assignedTo(expert: AuthUser) {
    const rows = await this.tx
      .repo(Proposal)
      .createQueryBuilder('p')
      .innerJoin(ChallengeExpert, 'e', 'e.challenge_id = p.challenge_id AND e.user_id = :uid', { uid: expert.userId })
      .leftJoin(ExpertConflict, 'x', 'x.proposal_id = p.id AND x.user_id = :uid', { uid: expert.userId })
      .where(`p.status = 'shortlisted' AND x.id IS NULL`)
      .andWhere('p.organization_id <> e.organization_id AND NOT (e.organization_id = ANY(p.partner_organization_ids))')
      .orderBy('p.challenge_id')
      .getMany();
    return rows.map(toProposalView);
  }

  /** My review of a proposal assigned to me: the saved draft or the submitted review, or null before the first save. */
  async myReview(proposalId: string, expert: AuthUser) {
    const p = await this.tx.repo(Proposal).findOne({ where: { id: proposalId } });
    if (!p || ['draft', 'withdrawn'].includes(p.status) || !(await this.isReviewer(p, expert))) throw new NotFoundError('揭榜申请');
    const saved = await this.tx.repo(Review).findOne({ where: { proposalId, expertUserId: expert.userId } });
    return saved
      ? { id: saved.id, proposalId, scores: saved.scores, comments: saved.comments, total: saved.total, status: saved.status }
      : null;
  }

  async saveReview(proposalId: string, dto: ReviewDto | SubmitReviewDto, expert: AuthUser, submit: boolean) {
    return this.tx.run(async () => {
      const p = await this.tx.repo(Proposal).findOne({ where: { id: proposalId } });
      if (!p || ['draft', 'withdrawn'].includes(p.status) || !(await this.isReviewer(p, expert))) throw new NotFoundError('揭榜申请');
      const c = await this.tx.repo(Challenge).findOneOrFail({ where: { id: p.challengeId } });
      if (p.status === 'submitted') {
        throw new ReviewNotStartedError(c.status === 'published' ? '榜单尚未截止申报、进入评审阶段' : '该申请尚未完成形式审查');
      }
      if (p.status === 'ineligible') throw stateError('该申请未通过形式审查，不参与专家评审');
      if (c.status !== 'reviewing') throw stateError('榜单不在评审阶段');
      const repo = this.tx.repo(Review);
      const existing = await repo.findOne({ where: { proposalId, expertUserId: expert.userId }, lock: { mode: 'pessimistic_write' } });
      if (existing?.status === 'submitted') throw stateError('评审意见已提交，不能再修改');
      const review = existing ?? repo.create({ proposalId, expertUserId: expert.userId });
      if (dto.scores) {
        const { scores, comments } = criterionScores(dto.scores, c.criteria);
        Object.assign(review, { scores, comments, total: weightedTotal(scores, c.criteria) });
      } else if (!existing) {
        throw new ValidationFailedError('没有已保存的评分草稿，请逐项填写评分后提交', [{ field: 'scores', message: '必须提供' }]);
      }
      if (submit) {
        // A submitted review gives a reason for every score.
        const silent = c.criteria.filter((k) => !review.comments?.[k.key]?.trim()).map((k) => k.name);
        if (silent.length) {
          throw new ValidationFailedError(`提交评审意见须为每项评分写明意见，缺少：${silent.join('、')}`, [
            { field: 'scores.comment', message: `缺少：${silent.join('、')}` },
          ]);
        }
        review.status = 'submitted';
        review.submittedAt = this.clock.now();
      }
      const saved = await repo.save(review);
      await this.audit.record({
        actor: actorOf(expert),
        action: submit ? 'review.submit' : 'review.save',
        entityType: 'proposal',
        entityId: proposalId,
        data: { total: saved.total },
      });
      return { id: saved.id, proposalId, scores: saved.scores, comments: saved.comments, total: saved.total, status: saved.status };
    });
  }

  /** Whether every screening and every owed review of a challenge is done (see `reviewCompletion`). */
  async completion(challengeId: string): Promise<ReviewCompletion> {
    const proposals = await this.tx.repo(Proposal).find({ where: { challengeId } });
    const shortlisted = proposals.filter((p) => p.status === 'shortlisted').map((p) => p.id);
    return reviewCompletion({
      proposals: proposals.map((p) => ({ id: p.id, status: p.status, organizationIds: applicantOrgs(p) })),
      experts: await this.tx.repo(ChallengeExpert).find({ where: { challengeId } }),
      conflicts: await this.tx.repo(ExpertConflict).find({ where: { challengeId } }),
      reviews: shortlisted.length ? await this.tx.repo(Review).find({ where: { proposalId: In(shortlisted), status: 'submitted' } }) : [],
    });
  }

  /** The bureau's view: who has scored what. */
  async progress(challengeId: string) {
    const experts = await this.experts(challengeId);
    const reviews = await this.reviewsOn(challengeId).getMany();
    const users = new Map((await this.users.findByIds(experts.map((e) => e.userId))).map((u) => [u.id, u.name]));
    return experts.map((e) => ({
      userId: e.userId,
      name: users.get(e.userId) ?? null,
      drafts: reviews.filter((r) => r.expertUserId === e.userId && r.status === 'draft').length,
      submitted: reviews.filter((r) => r.expertUserId === e.userId && r.status === 'submitted').length,
    }));
  }

  /** Shortlisted proposals ranked by aggregated score (trimmed from five experts), with the spread. */
  async ranking(challengeId: string) {
    const proposals = await this.tx.repo(Proposal).find({ where: { challengeId } });
    const eligible = proposals.filter((p) => ['shortlisted', 'awarded', 'declined'].includes(p.status));
    const reviews = eligible.length
      ? await this.tx
          .repo(Review)
          .createQueryBuilder('r')
          .where(`r.proposal_id = ANY(:ids) AND r.status = 'submitted'`, { ids: eligible.map((p) => p.id) })
          .getMany()
      : [];
    const names = new Map(
      (await this.organizations.findByIds([...new Set(eligible.map((p) => p.organizationId))])).map((o) => [o.id, o.name]),
    );
    return eligible
      .map((p) => {
        const own = reviews.filter((r) => r.proposalId === p.id);
        return {
          proposalId: p.id,
          organizationId: p.organizationId,
          organizationName: names.get(p.organizationId) ?? null,
          leaderName: p.leaderName,
          requestedBudgetYuan: fenToYuan(p.requestedBudgetFen),
          ...aggregateTotals(own.map((r) => r.total)),
          criterionMeans: criterionMeans(own),
        };
      })
      .sort((a, b) => (b.score ?? -1) - (a.score ?? -1))
      .map((row, i) => ({ rank: i + 1, ...row }));
  }

  /**
   * Whether the expert reviews this proposal once it is shortlisted: assigned to its challenge,
   * not of an applicant organization, no declared conflict. Others are answered 404 alike.
   */
  /** Every review (draft or submitted) of the proposals of a challenge, as a query to narrow. */
  private reviewsOn(challengeId: string) {
    return this.tx
      .repo(Review)
      .createQueryBuilder('r')
      .innerJoin(Proposal, 'p', 'p.id = r.proposal_id')
      .where('p.challenge_id = :challengeId', { challengeId });
  }

  private async isReviewer(p: Proposal, expert: AuthUser): Promise<boolean> {
    if (!expert.isExpert) return false;
    const assigned = await this.tx.repo(ChallengeExpert).findOne({ where: { challengeId: p.challengeId, userId: expert.userId } });
    if (!assigned || applicantOrgs(p).includes(assigned.organizationId)) return false;
    return !(await this.tx.repo(ExpertConflict).findOne({ where: { proposalId: p.id, userId: expert.userId } }));
  }

  private async requireAssigned(challengeId: string, expert: AuthUser): Promise<void> {
    const assigned = await this.tx.repo(ChallengeExpert).findOne({ where: { challengeId, userId: expert.userId } });
    if (!assigned) throw new ForbiddenError('您不是该榜单的评审专家');
  }
}

/** One score per review criterion, no more, no less; the comments of those that have one. */
function criterionScores(
  given: ReviewDto['scores'],
  criteria: Challenge['criteria'],
): { scores: Record<string, number>; comments: Record<string, string> } {
  const keys = new Set(criteria.map((k) => k.key));
  const named = new Set(given.map((s) => s.criterion));
  const unknown = [...named].filter((k) => !keys.has(k));
  const missing = [...keys].filter((k) => !named.has(k));
  if (unknown.length || missing.length || named.size !== given.length) {
    const message = `评分须逐项对应评审标准${missing.length ? `，缺少：${missing.join('、')}` : ''}${unknown.length ? `，未知：${unknown.join('、')}` : ''}`;
    throw new ValidationFailedError(message, [{ field: 'scores', message }]);
  }
  return {
    scores: Object.fromEntries(given.map((s) => [s.criterion, s.score])),
    comments: Object.fromEntries(given.filter((s) => s.comment).map((s) => [s.criterion, s.comment as string])),
  };
}
