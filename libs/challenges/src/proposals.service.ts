import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  AccessRegistry,
  actorOf,
  AuditService,
  AuthUser,
  Clock,
  isBureau,
  NotFoundError,
  OutboxService,
  PageQueryDto,
  pageOffset,
  toPage,
  TransactionHost,
  Transitions,
  ValidationFailedError,
  isUniqueViolation,
  yuanToFen,
  fenToYuan,
} from '@app/core';
import { OrganizationsService } from '@app/identity';
import { ProposalStatus } from './challenge.constants';
import { toProposalView } from './challenge.mapper';
import { PROPOSAL_MACHINE, type ProposalAction } from './challenge-machines';
import {
  AlreadyApplyingError,
  DuplicateProposalError,
  NotEligibleError,
  OverBudgetError,
  stateError,
  WindowClosedError,
  WindowNotOpenError,
} from './challenges.errors';
import { ChallengesService } from './challenges.service';
import { CreateProposalDto, UpdateProposalDto } from './dto/proposal.dto';
import { Challenge } from './entities/challenge.entity';
import { Proposal } from './entities/proposal.entity';
import { ChallengeExpert, ExpertConflict } from './entities/review.entities';
import { applicantOrgs, eligibilityProblem } from './proposal.util';

/** 揭榜申请: drafting, editing until the window closes, submitting, withdrawing, screening. */
/** Proposals that went through screening into the review (and its outcome). */
const REVIEWED_STATUSES: ProposalStatus[] = ['shortlisted', 'awarded', 'declined'];

@Injectable()
export class ProposalsService implements OnModuleInit {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly challenges: ChallengesService,
    private readonly transitions: Transitions,
    private readonly organizations: OrganizationsService,
    private readonly access: AccessRegistry,
  ) {}

  onModuleInit(): void {
    this.access.register('proposal.owner', async (user, id) => {
      const p = await this.tx.repo(Proposal).findOne({ where: { id } });
      return !!p && p.organizationId === user.organizationId;
    });
    this.access.register('proposal.viewer', async (user, id) => this.canView(user, id));
  }

  /**
   * The lead and partner organizations; the bureau once the proposal has been submitted (an
   * applicant's draft is its own, docs/access.md); and assigned experts without a conflict.
   */
  async canView(user: AuthUser, proposalId: string): Promise<boolean> {
    const p = await this.tx.repo(Proposal).findOne({ where: { id: proposalId } });
    if (!p) return false;
    if (applicantOrgs(p).includes(user.organizationId)) return true;
    if (isBureau(user)) return p.submittedAt !== null;
    // An expert sees what is theirs to review: proposals through screening (not an ineligible or an
    // unscreened one), on a challenge they are assigned to, without a declared conflict.
    if (!user.isExpert || !REVIEWED_STATUSES.includes(p.status)) return false;
    const assigned = await this.tx.repo(ChallengeExpert).findOne({ where: { challengeId: p.challengeId, userId: user.userId } });
    const conflict = await this.tx.repo(ExpertConflict).findOne({ where: { proposalId, userId: user.userId } });
    return !!assigned && !conflict;
  }

  async create(challengeId: string, dto: CreateProposalDto, actor: AuthUser) {
    return this.tx.run(async () => {
      const c = await this.challenges.visible(challengeId, actor);
      this.assertWindowOpen(c);
      await this.assertEligible(c, actor.organizationId);
      this.assertBudget(c, dto.requestedBudgetYuan);
      this.assertCommitments(c, dto);
      const partners = await this.checkPartners(dto.partnerOrganizationIds ?? [], actor.organizationId);
      const repo = this.tx.repo(Proposal);
      let saved: Proposal;
      try {
        saved = await repo.save(
          repo.create({
            challengeId,
            organizationId: actor.organizationId,
            partnerOrganizationIds: partners,
            ...this.content(dto),
            requestedBudgetFen: yuanToFen(dto.requestedBudgetYuan),
            status: 'draft',
            createdByUserId: actor.userId,
          }),
        );
      } catch (err) {
        if (isUniqueViolation(err, 'proposal_one_per_org')) throw new DuplicateProposalError();
        throw err;
      }
      await this.audit.record({
        actor: actorOf(actor),
        action: 'proposal.create',
        entityType: 'proposal',
        entityId: saved.id,
        to: 'draft',
        data: { challengeId },
      });
      return toProposalView(saved);
    });
  }

  async update(id: string, dto: UpdateProposalDto, actor: AuthUser) {
    return this.tx.run(async () => {
      const p = await this.lock(id);
      const c = await this.tx.repo(Challenge).findOneOrFail({ where: { id: p.challengeId } });
      if (!['draft', 'submitted'].includes(p.status)) throw stateError('该申请已撤回或已进入评审，不能修改');
      this.assertWindowOpen(c);
      if (dto.requestedBudgetYuan !== undefined) this.assertBudget(c, dto.requestedBudgetYuan);
      this.assertCommitments(c, dto);
      if (dto.partnerOrganizationIds) p.partnerOrganizationIds = await this.checkPartners(dto.partnerOrganizationIds, p.organizationId);
      Object.assign(p, this.content({ ...toContentDto(p), ...dto }));
      if (dto.requestedBudgetYuan !== undefined) p.requestedBudgetFen = yuanToFen(dto.requestedBudgetYuan);
      await this.tx.repo(Proposal).save(p);
      await this.audit.record({
        actor: actorOf(actor),
        action: 'proposal.update',
        entityType: 'proposal',
        entityId: id,
        data: { fields: Object.keys(dto) },
      });
      return toProposalView(p);
    });
  }

  async submit(id: string, actor: AuthUser) {
    return this.move(id, actor, 'submit', async (p, c) => {
      this.assertWindowOpen(c);
      await this.assertPartnersFree(p);
      p.submittedAt = this.clock.now();
    });
  }

  async withdraw(id: string, actor: AuthUser) {
    return this.move(id, actor, 'withdraw', async (_p, c) => this.assertWindowOpen(c));
  }

  /** Formal screening after the window closes: shortlisted for review, or ineligible with a reason. */
  async screen(id: string, eligible: boolean, reason: string | undefined, actor: AuthUser) {
    return this.move(id, actor, eligible ? 'shortlist' : 'ruleOut', async (p, c) => {
      if (c.status !== 'reviewing') throw stateError('榜单进入评审阶段后才能进行形式审查');
      p.statusReason = eligible ? null : (reason ?? null);
      await this.outbox.emit('proposal.screened', {
        proposalId: p.id,
        challengeId: c.id,
        organizationIds: applicantOrgs(p),
        eligible,
        reason: eligible ? null : (reason ?? null),
      });
    });
  }

  /** The bureau sees every proposal of a challenge that was submitted (not drafts, nor drafts withdrawn); an applicant only its own. */
  async listForChallenge(challengeId: string, q: PageQueryDto, viewer: AuthUser) {
    await this.challenges.visible(challengeId, viewer);
    const qb = this.tx.repo(Proposal).createQueryBuilder('p').where('p.challenge_id = :challengeId', { challengeId });
    if (isBureau(viewer)) qb.andWhere('p.submitted_at IS NOT NULL');
    else qb.andWhere('(p.organization_id = :org OR :org = ANY(p.partner_organization_ids))', { org: viewer.organizationId });
    const { skip, take } = pageOffset(q);
    const [rows, total] = await qb
      .orderBy('p.submitted_at', 'ASC', 'NULLS LAST')
      .addOrderBy('p.id')
      .skip(skip)
      .take(take)
      .getManyAndCount();
    return toPage(rows.map(toProposalView), total, q);
  }

  async get(id: string) {
    const p = await this.tx.repo(Proposal).findOne({ where: { id } });
    if (!p) throw new NotFoundError('揭榜申请');
    return toProposalView(p);
  }

  async lock(id: string): Promise<Proposal> {
    const p = await this.tx.repo(Proposal).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!p) throw new NotFoundError('揭榜申请');
    return p;
  }

  assertWindowOpen(c: Challenge): void {
    const now = this.clock.now().getTime();
    if (c.status !== 'published') throw new WindowClosedError();
    if (now < c.opensAt.getTime()) throw new WindowNotOpenError();
    if (now >= c.closesAt.getTime()) throw new WindowClosedError();
  }

  /** One proposal transition (see PROPOSAL_MACHINE); `check` sees the proposal's challenge. */
  private async move(id: string, actor: AuthUser, action: ProposalAction, check: (p: Proposal, c: Challenge) => Promise<void>) {
    const p = await this.transitions.run(
      PROPOSAL_MACHINE,
      action,
      { entity: Proposal, id, notFound: '揭榜申请' },
      {
        actor,
        apply: async (row) => check(row, await this.tx.repo(Challenge).findOneOrFail({ where: { id: row.challengeId } })),
        reason: (row) => row.statusReason,
      },
    );
    return toProposalView(p);
  }

  private async assertEligible(c: Challenge, organizationId: string): Promise<void> {
    const org = await this.organizations.findById(organizationId);
    if (!org) throw new NotEligibleError('单位不存在');
    const problem = eligibilityProblem(c, org);
    if (problem) throw new NotEligibleError(problem);
  }

  private assertBudget(c: Challenge, requestedYuan: number): void {
    if (yuanToFen(requestedYuan) > c.budgetCapFen) {
      throw new OverBudgetError('requestedBudgetYuan', `申请经费超过榜单财政资金上限（${fenToYuan(c.budgetCapFen)} 元）`);
    }
  }

  private assertCommitments(c: Challenge, dto: UpdateProposalDto): void {
    for (const k of dto.commitments ?? []) {
      if (k.objectiveIndex >= c.objectives.length) {
        throw new ValidationFailedError('承诺对应的目标不存在', [
          { field: 'commitments.objectiveIndex', message: `榜单只有 ${c.objectives.length} 项目标` },
        ]);
      }
    }
  }

  /**
   * At submission: a named partner may not already be in another submitted proposal of the
   * challenge (leading or joining). Only the proposal naming it is refused, never an organization's
   * own: naming a partner needs no consent, so it must not let one organization block another. The
   * challenge row is locked first, so two submissions naming the same partner go one after the other.
   */
  private async assertPartnersFree(p: Proposal): Promise<void> {
    if (p.partnerOrganizationIds.length === 0) return;
    await this.challenges.lock(p.challengeId);
    const others = (await this.tx.repo(Proposal).find({ where: { challengeId: p.challengeId } })).filter(
      (o) => o.id !== p.id && !['draft', 'withdrawn'].includes(o.status),
    );
    const taken = p.partnerOrganizationIds.find((id) => others.some((o) => applicantOrgs(o).includes(id)));
    if (taken === undefined) return;
    const org = await this.organizations.findById(taken);
    throw new AlreadyApplyingError(org?.name ?? taken);
  }

  private async checkPartners(ids: string[], lead: string): Promise<string[]> {
    const unique = [...new Set(ids)].filter((id) => id !== lead);
    for (const id of unique) {
      const org = await this.organizations.findById(id);
      if (!org || org.status !== 'verified' || org.kind === 'bureau') {
        throw new ValidationFailedError('联合体成员单位不存在或未认证', [
          { field: 'partnerOrganizationIds', message: `单位 ${id} 不存在或未认证` },
        ]);
      }
    }
    return unique;
  }

  private content(dto: Omit<CreateProposalDto, 'requestedBudgetYuan' | 'partnerOrganizationIds'>) {
    return {
      leaderName: dto.leaderName,
      leaderTitle: dto.leaderTitle ?? null,
      team: dto.team ?? [],
      approach: dto.approach,
      commitments: dto.commitments ?? [],
      schedule: dto.schedule ?? [],
    };
  }
}

function toContentDto(p: Proposal): Omit<CreateProposalDto, 'requestedBudgetYuan' | 'partnerOrganizationIds'> {
  return {
    leaderName: p.leaderName,
    leaderTitle: p.leaderTitle ?? undefined,
    team: p.team,
    approach: p.approach,
    commitments: p.commitments,
    schedule: p.schedule,
  };
}
