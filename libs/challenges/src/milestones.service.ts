import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccessRegistry, AuthUser, Clock, isBureau, OutboxService, TransactionHost, Transitions } from '@app/core';
import { CHALLENGE_MACHINE, MILESTONE_MACHINE, type MilestoneAction } from './challenge-machines';
import { toChallengeView, toMilestoneView } from './challenge.mapper';
import { stateError } from './challenges.errors';
import { ChallengesService } from './challenges.service';
import { Milestone } from './entities/milestone.entity';
import { Proposal } from './entities/proposal.entity';
import { applicantOrgs } from './proposal.util';

/** Delivery: evidence per milestone, acceptance or return by the bureau, final acceptance (验收). */
@Injectable()
export class MilestonesService implements OnModuleInit {
  constructor(
    private readonly tx: TransactionHost,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly challenges: ChallengesService,
    private readonly transitions: Transitions,
    private readonly access: AccessRegistry,
  ) {}

  onModuleInit(): void {
    this.access.register('milestone.owner', async (user, id) => {
      const m = await this.tx.repo(Milestone).findOne({ where: { id } });
      if (!m) return false;
      const p = await this.tx.repo(Proposal).findOne({ where: { id: m.proposalId } });
      return !!p && p.organizationId === user.organizationId;
    });
  }

  /** The bureau sees all; a winner sees its own; others see the public list once the award is final. */
  async list(challengeId: string, viewer: AuthUser | undefined) {
    const c = await this.challenges.visible(challengeId, viewer);
    const rows = await this.tx.repo(Milestone).find({ where: { challengeId }, order: { proposalId: 'ASC', seq: 'ASC' } });
    if (isBureau(viewer)) return rows.map(toMilestoneView);
    const own = viewer
      ? (await this.tx.repo(Proposal).find({ where: { challengeId } }))
          .filter((p) => applicantOrgs(p).includes(viewer.organizationId))
          .map((p) => p.id)
      : [];
    const finalized = ['in_progress', 'completed', 'failed'].includes(c.status);
    return rows.filter((m) => own.includes(m.proposalId) || finalized).map(toMilestoneView);
  }

  async submitEvidence(id: string, evidence: string, actor: AuthUser) {
    return this.move(id, actor, 'submit', async (m) => {
      m.evidence = evidence;
      m.submittedAt = this.clock.now();
      await this.outbox.emit('milestone.submitted', { milestoneId: m.id, challengeId: m.challengeId });
    });
  }

  async accept(id: string, actor: AuthUser) {
    return this.move(id, actor, 'accept', async (m, orgs) => {
      m.acceptedAt = this.clock.now();
      m.returnReason = null;
      await this.outbox.emit('milestone.accepted', { milestoneId: m.id, challengeId: m.challengeId, organizationIds: orgs });
    });
  }

  async return(id: string, reason: string, actor: AuthUser) {
    return this.move(
      id,
      actor,
      'return',
      async (m, orgs) => {
        m.returnReason = reason;
        await this.outbox.emit('milestone.returned', { milestoneId: m.id, challengeId: m.challengeId, organizationIds: orgs, reason });
      },
      reason,
    );
  }

  /** Final acceptance: every milestone of every winner accepted. */
  async complete(challengeId: string, actor: AuthUser) {
    return this.tx.run(async () => {
      const c = await this.challenges.lock(challengeId);
      CHALLENGE_MACHINE.check('complete', c.status);
      const open = await this.tx
        .repo(Milestone)
        .createQueryBuilder('m')
        .where(`m.challenge_id = :challengeId AND m.status <> 'accepted'`, { challengeId })
        .getCount();
      if (open) throw stateError(`还有 ${open} 个里程碑未通过验收`);
      c.completedAt = this.clock.now();
      await this.challenges.transition(c, 'complete', actor);
      await this.outbox.emit('challenge.completed', { challengeId, organizationIds: await this.winnerOrgs(challengeId) });
      return toChallengeView(c);
    });
  }

  async fail(challengeId: string, reason: string, actor: AuthUser) {
    return this.tx.run(async () => {
      const c = await this.challenges.lock(challengeId);
      await this.challenges.transition(c, 'fail', actor, reason);
      await this.outbox.emit('challenge.failed', { challengeId, organizationIds: await this.winnerOrgs(challengeId), reason });
      return toChallengeView(c);
    });
  }

  /** One milestone transition (see MILESTONE_MACHINE), only while its challenge is in progress. */
  private async move(
    id: string,
    actor: AuthUser,
    action: MilestoneAction,
    apply: (m: Milestone, orgs: string[]) => Promise<void>,
    reason?: string,
  ) {
    const m = await this.transitions.run(
      MILESTONE_MACHINE,
      action,
      { entity: Milestone, id, notFound: '里程碑' },
      {
        actor,
        guard: async (row) => {
          const c = await this.challenges.lock(row.challengeId);
          if (c.status !== 'in_progress') throw stateError('榜单不在攻关阶段');
        },
        apply: async (row) => apply(row, applicantOrgs(await this.tx.repo(Proposal).findOneOrFail({ where: { id: row.proposalId } }))),
        reason: () => reason ?? null,
      },
    );
    return toMilestoneView(m);
  }

  private async winnerOrgs(challengeId: string): Promise<string[]> {
    const winners = await this.tx.repo(Proposal).find({ where: { challengeId, status: 'awarded' } });
    return [...new Set(winners.flatMap(applicantOrgs))];
  }
}
