export const CHALLENGE_STATUSES = [
  'draft',
  'published',
  'reviewing',
  'awarded',
  'in_progress',
  'completed',
  'failed',
  'cancelled',
] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

export const PROPOSAL_STATUSES = ['draft', 'submitted', 'withdrawn', 'ineligible', 'shortlisted', 'awarded', 'declined'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const MILESTONE_STATUSES = ['pending', 'submitted', 'accepted', 'returned'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const CHALLENGE_STATUS_LABELS: Record<ChallengeStatus, string> = {
  draft: '草稿',
  published: '揭榜中',
  reviewing: '评审中',
  awarded: '公示中',
  in_progress: '攻关中',
  completed: '已验收',
  failed: '未通过验收',
  cancelled: '已撤榜',
};

export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  withdrawn: '已撤回',
  ineligible: '未通过形式审查',
  shortlisted: '入围评审',
  awarded: '已中榜',
  declined: '未中榜',
};

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  pending: '待提交',
  submitted: '待验收',
  accepted: '已通过',
  returned: '已退回',
};

/** Fewest experts per challenge, and from how many the highest and lowest totals are dropped. */
export const MIN_EXPERTS = 3;
export const TRIM_FROM_EXPERTS = 5;

/** Attachments: PDF only, at most 10 MiB each, 10 per proposal. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_PER_PROPOSAL = 10;

/** Days before an application window closes when drafts are reminded. */
export const CLOSING_REMINDER_DAYS = [3, 1];

export interface Objective {
  indicator: string;
  target: string;
  unit: string;
}

export interface Criterion {
  key: string;
  name: string;
  weight: number;
}

export interface TeamMember {
  name: string;
  title?: string;
  role?: string;
}

export interface Commitment {
  objectiveIndex: number;
  value: string;
  note?: string;
}

export interface SchedulePhase {
  phase: string;
  months: number;
  deliverable: string;
}
