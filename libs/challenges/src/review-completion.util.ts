import type { ProposalStatus } from './challenge.constants';

export interface CompletionProposal {
  id: string;
  status: ProposalStatus;
  /** The lead organization and its partners. */
  organizationIds: string[];
}

export interface CompletionInput {
  proposals: CompletionProposal[];
  experts: { userId: string; organizationId: string }[];
  conflicts: { proposalId: string; userId: string }[];
  /** Submitted reviews only. */
  reviews: { proposalId: string; expertUserId: string }[];
}

export interface ReviewCompletion {
  /** Proposals still awaiting the formal screening. */
  unscreened: number;
  /** Shortlisted proposals every assigned expert is excluded from. */
  withoutReviewers: number;
  /** Reviews owed: shortlisted proposal × assigned expert, less exclusions. */
  expected: number;
  submitted: number;
  finished: boolean;
}

/**
 * The review of a challenge is finished when every proposal has been screened and every assigned
 * expert has submitted a review of every shortlisted proposal they are not excluded from (their own
 * organization, or a declared conflict), and each shortlisted proposal has at least one reviewer.
 */
export function reviewCompletion({ proposals, experts, conflicts, reviews }: CompletionInput): ReviewCompletion {
  let withoutReviewers = 0;
  let expected = 0;
  let submitted = 0;
  for (const p of proposals.filter((x) => x.status === 'shortlisted')) {
    const reviewers = experts.filter(
      (e) => !p.organizationIds.includes(e.organizationId) && !conflicts.some((x) => x.proposalId === p.id && x.userId === e.userId),
    );
    if (!reviewers.length) withoutReviewers++;
    expected += reviewers.length;
    submitted += reviewers.filter((e) => reviews.some((r) => r.proposalId === p.id && r.expertUserId === e.userId)).length;
  }
  const unscreened = proposals.filter((x) => x.status === 'submitted').length;
  return { unscreened, withoutReviewers, expected, submitted, finished: !unscreened && !withoutReviewers && submitted === expected };
}
