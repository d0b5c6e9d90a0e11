import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Clock, JobHandlerRegistry, OutboxService, QueueName, RelayedEvent, TransactionHost, updateReturning } from '@app/core';
import { OrganizationsService } from '@app/identity';
import { MatcherFactory, SearchIndexService } from '@app/matching';
import { NotifySubjects, RemindersService } from '@app/notify';
import { CLOSING_REMINDER_DAYS } from './challenge.constants';
import { Challenge } from './entities/challenge.entity';
import { Milestone } from './entities/milestone.entity';
import { Proposal } from './entities/proposal.entity';
import { applicantOrgs, eligibilityProblem } from './proposal.util';

const CLOSING = 'challenge.closing';
const OVERDUE = 'milestone.overdue-check';
const DAY_MS = 86_400_000;
/** How many results' organizations are invited when a challenge is published. */
const INVITE_FROM_RESULTS = 30;

/**
 * The side effects of an open call over time: who is invited when it is published (organizations
 * whose published results match it), reminders before the window closes to organizations with
 * unsubmitted drafts, and overdue milestones. Reminders use the notify library's mechanism.
 */
@Injectable()
export class ChallengeNoticesService implements OnModuleInit {
  constructor(
    private readonly tx: TransactionHost,
    private readonly registry: JobHandlerRegistry,
    private readonly reminders: RemindersService,
    private readonly outbox: OutboxService,
    private readonly matcher: MatcherFactory,
    private readonly clock: Clock,
    private readonly subjects: NotifySubjects,
    private readonly organizations: OrganizationsService,
    private readonly searchIndex: SearchIndexService,
  ) {}

  onModuleInit(): void {
    this.subjects.register('challenge', async (id) => (await this.tx.repo(Challenge).findOne({ where: { id } }))?.title ?? null);
    this.registry.subscribe(QueueName.Match, 'challenge.published', (job: Job<RelayedEvent<'challenge.published'>>) =>
      // On its last attempt the invitation goes out with the index as it is.
      this.invite(job.data.payload.challengeId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1)),
    );
    this.reminders.handle(CLOSING, (data) => this.remindDrafts(String(data.challengeId), Number(data.daysLeft)));
    this.reminders.handle(OVERDUE, (data) => this.remindOverdue(String(data.milestoneId)));
  }

  /** Called in the publishing transaction: reminders 3 and 1 days before the window closes. */
  async scheduleClosingReminders(c: Challenge): Promise<void> {
    for (const days of CLOSING_REMINDER_DAYS) {
      const at = new Date(c.closesAt.getTime() - days * DAY_MS);
      if (at.getTime() > this.clock.now().getTime())
        await this.reminders.schedule(`challenge:${c.id}:closing:${days}`, at, CLOSING, { challengeId: c.id, daysLeft: days });
    }
  }

  async cancelClosingReminders(challengeId: string): Promise<void> {
    for (const days of CLOSING_REMINDER_DAYS) await this.reminders.cancel(`challenge:${challengeId}:closing:${days}`);
  }

  /** Called when milestones are final: a check on each due date. */
  async scheduleOverdueChecks(milestones: Milestone[]): Promise<void> {
    for (const m of milestones) {
      const endOfDueDay = new Date(`${m.dueDate}T23:59:59+08:00`);
      await this.reminders.schedule(`milestone:${m.id}:overdue`, endOfDueDay, OVERDUE, { milestoneId: m.id });
    }
  }

  /** The organizations whose published results best match the challenge are told of it. */
  async invite(challengeId: string, lastAttempt = true): Promise<void> {
    const c = await this.tx.repo(Challenge).findOne({ where: { id: challengeId } });
    if (!c || c.status !== 'published' || c.invitedAt) return;
    // Results approved just before (the demo publishes the call right after seeding them) must be
    // searchable first: until the index is current the job fails and BullMQ retries it with backoff.
    const lag = await this.searchIndex.lag('result');
    if (lag > 0 && !lastAttempt) throw new Error(`search index ${lag} results behind; invitation retried`);
    const description = [c.background, ...c.objectives.map((o) => `${o.indicator}${o.target}${o.unit}`), c.deliverables].join('。');
    const hits = await this.matcher.rankItems('result', { title: c.title, description, field: c.field }, INVITE_FROM_RESULTS);
    // Only organizations that may answer it: its kinds, regions and verification.
    const candidates = await this.organizations.findByIds(hits.map((h) => h.organizationId));
    const eligible = new Set(candidates.filter((o) => eligibilityProblem(c, o) === null).map((o) => o.id));
    const organizationIds = [...new Set(hits.map((h) => h.organizationId))].filter(
      (id) => id !== c.coFunderOrganizationId && eligible.has(id),
    );
    // Claimed and emitted together: a re-run of this job invites nobody twice.
    await this.tx.run(async (m) => {
      const claimed = await updateReturning(
        m,
        `UPDATE challenge SET invited_at = now() WHERE id = $1 AND invited_at IS NULL RETURNING id`,
        [challengeId],
      );
      if (claimed.length && organizationIds.length) await this.outbox.emit('challenge.invited', { challengeId, organizationIds });
    });
  }

  private async remindDrafts(challengeId: string, daysLeft: number): Promise<void> {
    const c = await this.tx.repo(Challenge).findOne({ where: { id: challengeId } });
    if (!c || c.status !== 'published') return;
    const drafts = await this.tx.repo(Proposal).find({ where: { challengeId, status: 'draft' } });
    const organizationIds = [...new Set(drafts.map((p) => p.organizationId))];
    if (organizationIds.length === 0) return;
    await this.tx.run(() => this.outbox.emit('challenge.closing-soon', { challengeId, organizationIds, daysLeft }));
  }

  private async remindOverdue(milestoneId: string): Promise<void> {
    const m = await this.tx.repo(Milestone).findOne({ where: { id: milestoneId } });
    if (!m || m.status === 'accepted') return;
    const c = await this.tx.repo(Challenge).findOne({ where: { id: m.challengeId } });
    if (!c || c.status !== 'in_progress') return;
    const p = await this.tx.repo(Proposal).findOne({ where: { id: m.proposalId } });
    // Both sides: the winner, who owes the evidence, and the bureau, who follows up or owes the acceptance.
    const bureaus = (await this.organizations.verifiedOfKinds(['bureau'])).map((o) => o.id);
    await this.tx.run(() =>
      this.outbox.emit('milestone.overdue', {
        milestoneId,
        challengeId: m.challengeId,
        organizationIds: [...(p ? applicantOrgs(p) : []), ...bureaus],
      }),
    );
  }
}
