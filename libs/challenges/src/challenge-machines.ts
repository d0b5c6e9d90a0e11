/**
 * The transition tables of 揭榜挂帅: a challenge (榜单), a proposal (揭榜申请) and a milestone (里程碑).
 * Read with core's StateMachine; applied by core's Transitions (lock, check, save, audit, emit).
 */
import { StateMachine } from '@app/core';
import { CHALLENGE_STATUS_LABELS, MILESTONE_STATUS_LABELS, PROPOSAL_STATUS_LABELS } from './challenge.constants';

export const CHALLENGE_MACHINE = new StateMachine({
  entity: 'challenge',
  label: '榜单',
  states: CHALLENGE_STATUS_LABELS,
  transitions: {
    publish: { from: ['draft'], to: 'published', who: 'bureau', event: 'challenge.published', refusal: '只有草稿状态的榜单可以发布' },
    startReview: { from: ['published'], to: 'reviewing', who: 'bureau, after the window closes', refusal: '只有揭榜中的榜单可以进入评审' },
    cancel: {
      from: ['draft', 'published', 'reviewing'],
      to: 'cancelled',
      who: 'bureau, with a reason',
      event: 'challenge.cancelled',
      refusal: '该榜单已评定，不能撤榜',
    },
    award: {
      from: ['reviewing'],
      to: 'awarded',
      who: 'bureau, review finished',
      event: 'challenge.awarded',
      refusal: '只有评审中的榜单可以评定中榜单位',
    },
    finalize: {
      from: ['awarded'],
      to: 'in_progress',
      who: 'bureau, after the notice period with every objection answered',
      event: 'proposal.outcome',
      refusal: '只有公示中的榜单可以确认评定结果',
    },
    complete: {
      from: ['in_progress'],
      to: 'completed',
      who: 'bureau, every milestone accepted',
      event: 'challenge.completed',
      refusal: '只有攻关中的榜单可以验收',
    },
    fail: {
      from: ['in_progress'],
      to: 'failed',
      who: 'bureau, with a reason',
      event: 'challenge.failed',
      refusal: '只有攻关中的榜单可以记录验收不通过',
    },
  },
});

export const PROPOSAL_MACHINE = new StateMachine({
  entity: 'proposal',
  label: '申请',
  states: PROPOSAL_STATUS_LABELS,
  transitions: {
    submit: { from: ['draft'], to: 'submitted', who: 'the applicant, window open' },
    withdraw: { from: ['draft', 'submitted'], to: 'withdrawn', who: 'the applicant, window open' },
    shortlist: {
      from: ['submitted', 'shortlisted', 'ineligible'],
      to: 'shortlisted',
      who: 'bureau, in review',
      event: 'proposal.screened',
    },
    ruleOut: {
      from: ['submitted', 'shortlisted', 'ineligible'],
      to: 'ineligible',
      who: 'bureau, in review, with a reason',
      event: 'proposal.screened',
    },
    award: { from: ['shortlisted'], to: 'awarded', who: 'bureau, at the challenge’s finalisation', event: 'proposal.outcome' },
    decline: { from: ['shortlisted'], to: 'declined', who: 'bureau, at the challenge’s finalisation', event: 'proposal.outcome' },
  },
});

export const MILESTONE_MACHINE = new StateMachine({
  entity: 'milestone',
  label: '里程碑',
  states: MILESTONE_STATUS_LABELS,
  transitions: {
    submit: { from: ['pending', 'returned'], to: 'submitted', who: 'the winner, challenge in progress', event: 'milestone.submitted' },
    accept: { from: ['submitted'], to: 'accepted', who: 'bureau, challenge in progress', event: 'milestone.accepted' },
    return: { from: ['submitted'], to: 'returned', who: 'bureau, challenge in progress, with a reason', event: 'milestone.returned' },
  },
});

export type ChallengeAction = keyof typeof CHALLENGE_MACHINE.definition.transitions;
export type ProposalAction = keyof typeof PROPOSAL_MACHINE.definition.transitions;
export type MilestoneAction = keyof typeof MILESTONE_MACHINE.definition.transitions;
