import { Inject, Injectable } from '@nestjs/common';
import {
  actorOf,
  AuditService,
  AuthUser,
  Clock,
  isBureau,
  NotFoundError,
  OutboxService,
  pageOffset,
  toPage,
  TransactionHost,
  ValidationFailedError,
  Transitions,
  fenToYuan,
  yuanToFen,
} from '@app/core';
import { Brackets, IsNull, Not } from 'typeorm';
import { OrganizationsService } from '@app/identity';
import { ChallengeStatus } from './challenge.constants';
import { toChallengeView } from './challenge.mapper';
import { CHALLENGE_MACHINE, type ChallengeAction } from './challenge-machines';
import { NEED_SOURCE, NeedSource } from './challenge-sources';
import { ChallengeNoticesService } from './challenge-notices.service';
import { stateError } from './challenges.errors';
import { ChallengeQueryDto, CreateChallengeDto, UpdateChallengeDto } from './dto/challenge.dto';
import { Challenge } from './entities/challenge.entity';
import { Proposal } from './entities/proposal.entity';
import { applicantOrgs } from './proposal.util';
import { criteriaProblem } from './scoring.util';

const PUBLIC_STATUSES: ChallengeStatus[] = ['published', 'reviewing', 'awarded', 'in_progress', 'completed', 'failed'];
/** From the award on (the notice period is `awarded`), the winners are public. */
const WINNERS_NAMED: ChallengeStatus[] = ['awarded', 'in_progress', 'completed', 'failed'];

/** Challenges (榜单): the bureau drafts, publishes, moves them through review; everyone reads the public ones. */
@Injectable()
export class ChallengesService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(NEED_SOURCE) private readonly needs: NeedSource,
    private readonly notices: ChallengeNoticesService,
    private readonly organizations: OrganizationsService,
    private readonly transitions: Transitions,
  ) {}

  async create(dto: CreateChallengeDto, actor: AuthUser) {
    this.checkDates(dto.opensAt, dto.closesAt);
    this.checkCriteria(dto.criteria);
    return this.tx.run(async () => {
      let coFunder: string | null = null;
      if (dto.sourceNeedId) {
        const need = await this.needs.findPublishedNeed(dto.sourceNeedId);
        if (!need) throw new ValidationFailedError('来源技术需求不存在或未发布', [{ field: 'sourceNeedId', message: '不存在或未发布' }]);
        coFunder = need.organizationId;
      }
      const repo = this.tx.repo(Challenge);
      const c = await repo.save(
        repo.create({
          ...this.fields(dto),
          sourceNeedId: dto.sourceNeedId ?? null,
          coFunderOrganizationId: coFunder,
          status: 'draft',
          createdByUserId: actor.userId,
        }),
      );
      await this.audit.record({ actor: actorOf(actor), action: 'challenge.create', entityType: 'challenge', entityId: c.id, to: 'draft' });
      return toChallengeView(c);
    });
  }

  async update(id: string, dto: UpdateChallengeDto, actor: AuthUser) {
    return this.tx.run(async () => {
      const c = await this.lock(id);
      if (c.status !== 'draft') throw stateError('只有草稿状态的榜单可以修改');
      const merged = { ...c, ...this.fields({ ...this.asDto(c), ...dto }) };
      this.checkDates(merged.opensAt.toISOString(), merged.closesAt.toISOString());
      this.checkCriteria(merged.criteria);
      Object.assign(c, merged);
      await this.tx.repo(Challenge).save(c);
      await this.audit.record({
        actor: actorOf(actor),
        action: 'challenge.update',
        entityType: 'challenge',
        entityId: id,
        data: { fields: Object.keys(dto) },
      });
      return toChallengeView(c);
    });
  }

  /** Publishing lists it publicly and tells the organizations most likely to answer. */
  async publish(id: string, actor: AuthUser) {
    return this.tx.run(async () => {
      const c = await this.lock(id);
      CHALLENGE_MACHINE.check('publish', c.status);
      if (c.closesAt.getTime() <= this.clock.now().getTime()) {
        throw new ValidationFailedError('申报截止时间已过，请修改后再发布', [{ field: 'closesAt', message: '已过去' }]);
      }
      await this.transition(c, 'publish', actor);
      c.publishedAt = this.clock.now();
      await this.tx.repo(Challenge).save(c);
      await this.outbox.emit('challenge.published', { challengeId: id, actorUserId: actor.userId });
      await this.notices.scheduleClosingReminders(c);
      return toChallengeView(c);
    });
  }

  /** After the window closes (server clock), the bureau starts screening and review. */
  async startReview(id: string, actor: AuthUser) {
    return this.tx.run(async () => {
      const c = await this.lock(id);
      CHALLENGE_MACHINE.check('startReview', c.status);
      if (this.clock.now().getTime() < c.closesAt.getTime()) throw stateError('申报尚未截止，不能进入评审');
      await this.transition(c, 'startReview', actor);
      return toChallengeView(c);
    });
  }

  async cancel(id: string, reason: string, actor: AuthUser) {
    return this.tx.run(async () => {
      const c = await this.lock(id);
      await this.transition(c, 'cancel', actor, reason);
      await this.notices.cancelClosingReminders(id);
      // Everyone who started a proposal hears of it, with the reason.
      const proposals = await this.tx.repo(Proposal).find({ where: { challengeId: id } });
      const organizationIds = [...new Set(proposals.flatMap(applicantOrgs))];
      if (organizationIds.length) await this.outbox.emit('challenge.cancelled', { challengeId: id, organizationIds, reason });
      return toChallengeView(c);
    });
  }

  async list(q: ChallengeQueryDto, viewer: AuthUser | undefined) {
    const qb = this.tx.repo(Challenge).createQueryBuilder('c');
    if (!isBureau(viewer)) qb.andWhere('c.status = ANY(:public)', { public: PUBLIC_STATUSES });
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.field) qb.andWhere(new Brackets((b) => b.where('c.field = :field', { field: q.field })));
    const { skip, take } = pageOffset(q);
    const [rows, total] = await qb.orderBy('c.closes_at', 'DESC').skip(skip).take(take).getManyAndCount();
    return toPage(rows.map(toChallengeView), total, q);
  }

  /** A challenge, with its winners once they are named (public from the notice period on, as 公示 requires). */
  async get(id: string, viewer: AuthUser | undefined) {
    const c = await this.visible(id, viewer);
    return { ...toChallengeView(c), winners: await this.publicWinners(c) };
  }

  private async publicWinners(c: Challenge) {
    if (!WINNERS_NAMED.includes(c.status)) return [];
    const proposals = await this.tx
      .repo(Proposal)
      .find({ where: { challengeId: c.id, awardedBudgetFen: Not(IsNull()) }, order: { awardedBudgetFen: 'DESC', id: 'ASC' } });
    const names = new Map((await this.organizations.findByIds(proposals.flatMap(applicantOrgs))).map((o) => [o.id, o.name]));
    return proposals.map((p) => ({
      proposalId: p.id,
      organizationId: p.organizationId,
      organizationName: names.get(p.organizationId) ?? null,
      partnerOrganizationNames: p.partnerOrganizationIds.map((id) => names.get(id) ?? null),
      leaderName: p.leaderName,
      awardedBudgetYuan: fenToYuan(p.awardedBudgetFen ?? 0),
    }));
  }

  /** A challenge the viewer may see: drafts and cancelled ones only by the bureau. */
  async visible(id: string, viewer: AuthUser | undefined): Promise<Challenge> {
    const c = await this.tx.repo(Challenge).findOne({ where: { id } });
    if (!c || (!PUBLIC_STATUSES.includes(c.status) && !isBureau(viewer))) throw new NotFoundError('榜单');
    return c;
  }

  async lock(id: string): Promise<Challenge> {
    const c = await this.tx.repo(Challenge).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!c) throw new NotFoundError('榜单');
    return c;
  }

  /** A challenge's state change (see CHALLENGE_MACHINE) on a row the caller holds locked. */
  async transition(c: Challenge, action: ChallengeAction, actor: AuthUser | null, reason?: string): Promise<void> {
    await this.transitions.run(
      CHALLENGE_MACHINE,
      action,
      { entity: Challenge, row: c },
      {
        actor,
        apply: (row) => {
          if (reason !== undefined) row.statusReason = reason;
        },
        reason: () => reason ?? null,
      },
    );
  }

  private fields(dto: CreateChallengeDto) {
    return {
      title: dto.title,
      background: dto.background,
      field: dto.field,
      objectives: dto.objectives.map((o) => ({ indicator: o.indicator, target: o.target, unit: o.unit })),
      budgetCapFen: yuanToFen(dto.budgetCapYuan),
      matchingFundsFen: yuanToFen(dto.matchingFundsYuan ?? 0),
      opensAt: new Date(dto.opensAt),
      closesAt: new Date(dto.closesAt),
      durationMonths: dto.durationMonths,
      eligibleKinds: dto.eligibleKinds,
      eligibleRegions: dto.eligibleRegions ?? [],
      verifiedOnly: dto.verifiedOnly ?? true,
      deliverables: dto.deliverables,
      criteria: dto.criteria.map((c) => ({ key: c.key, name: c.name, weight: c.weight })),
      publicityDays: dto.publicityDays ?? 7,
    };
  }

  private asDto(c: Challenge): CreateChallengeDto {
    return {
      ...c,
      budgetCapYuan: fenToYuan(c.budgetCapFen),
      matchingFundsYuan: fenToYuan(c.matchingFundsFen),
      opensAt: c.opensAt.toISOString(),
      closesAt: c.closesAt.toISOString(),
      eligibleKinds: c.eligibleKinds as CreateChallengeDto['eligibleKinds'],
      sourceNeedId: c.sourceNeedId ?? undefined,
    };
  }

  private checkDates(opensAt: string, closesAt: string): void {
    if (new Date(closesAt).getTime() <= new Date(opensAt).getTime()) {
      throw new ValidationFailedError('申报截止时间应晚于开始时间', [{ field: 'closesAt', message: '应晚于 opensAt' }]);
    }
  }

  private checkCriteria(criteria: { key: string; name: string; weight: number }[]): void {
    const problem = criteriaProblem(criteria);
    if (problem) throw new ValidationFailedError(problem, [{ field: 'criteria', message: problem }]);
  }
}
