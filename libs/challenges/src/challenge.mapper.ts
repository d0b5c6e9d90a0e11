import type { Challenge } from './entities/challenge.entity';
import type { Milestone } from './entities/milestone.entity';
import type { Proposal } from './entities/proposal.entity';
import { fenToYuan as yuan } from '@app/core';
import { CHALLENGE_STATUS_LABELS } from './challenge.constants';

/** What the API answers for a challenge, a proposal, a milestone (documented by the `dto/*-view.dto.ts` classes). */
export type ChallengeView = ReturnType<typeof toChallengeView>;
export type ProposalView = ReturnType<typeof toProposalView>;
export type MilestoneView = ReturnType<typeof toMilestoneView>;

export function toChallengeView(c: Challenge) {
  return {
    id: c.id,
    title: c.title,
    background: c.background,
    field: c.field,
    objectives: c.objectives,
    budgetCapYuan: yuan(c.budgetCapFen),
    matchingFundsYuan: yuan(c.matchingFundsFen),
    sourceNeedId: c.sourceNeedId,
    coFunderOrganizationId: c.coFunderOrganizationId,
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    durationMonths: c.durationMonths,
    eligibleKinds: c.eligibleKinds,
    eligibleRegions: c.eligibleRegions,
    verifiedOnly: c.verifiedOnly,
    deliverables: c.deliverables,
    criteria: c.criteria,
    publicityDays: c.publicityDays,
    status: c.status,
    statusLabel: CHALLENGE_STATUS_LABELS[c.status],
    statusReason: c.statusReason,
    noticeEndsAt: c.noticeEndsAt,
    publishedAt: c.publishedAt,
    finalizedAt: c.finalizedAt,
    completedAt: c.completedAt,
  };
}

export function toProposalView(p: Proposal) {
  return {
    id: p.id,
    challengeId: p.challengeId,
    organizationId: p.organizationId,
    partnerOrganizationIds: p.partnerOrganizationIds,
    leaderName: p.leaderName,
    leaderTitle: p.leaderTitle,
    team: p.team,
    approach: p.approach,
    commitments: p.commitments,
    requestedBudgetYuan: yuan(p.requestedBudgetFen),
    schedule: p.schedule,
    status: p.status,
    statusReason: p.statusReason,
    awardedBudgetYuan: yuan(p.awardedBudgetFen),
    submittedAt: p.submittedAt,
    updatedAt: p.updatedAt,
  };
}

export function toMilestoneView(m: Milestone) {
  return {
    id: m.id,
    challengeId: m.challengeId,
    proposalId: m.proposalId,
    seq: m.seq,
    title: m.title,
    deliverable: m.deliverable,
    dueDate: m.dueDate,
    fundSharePct: m.fundSharePct,
    amountYuan: yuan(m.amountFen),
    status: m.status,
    evidence: m.evidence,
    returnReason: m.returnReason,
    submittedAt: m.submittedAt,
    acceptedAt: m.acceptedAt,
  };
}
