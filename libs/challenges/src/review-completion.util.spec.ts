import { CompletionInput, reviewCompletion } from './review-completion.util';

const experts = [
  { userId: 'e1', organizationId: 'uniB' },
  { userId: 'e2', organizationId: 'neutral' },
  { userId: 'e3', organizationId: 'neutral' },
];
const proposals: CompletionInput['proposals'] = [
  { id: 'a', status: 'shortlisted', organizationIds: ['entA'] },
  { id: 'b', status: 'shortlisted', organizationIds: ['uniB'] },
  { id: 'd', status: 'ineligible', organizationIds: ['uniD'] },
  { id: 'c', status: 'withdrawn', organizationIds: ['instC'] },
];
const allReviews = [
  { proposalId: 'a', expertUserId: 'e1' },
  { proposalId: 'a', expertUserId: 'e3' },
  { proposalId: 'b', expertUserId: 'e2' },
  { proposalId: 'b', expertUserId: 'e3' },
];
const conflicts = [{ proposalId: 'a', userId: 'e2' }];

describe('review completion', () => {
  it('owes a review from each assigned expert for each shortlisted proposal, less their own organization and conflicts', () => {
    expect(reviewCompletion({ proposals, experts, conflicts, reviews: [] })).toEqual({
      unscreened: 0,
      withoutReviewers: 0,
      expected: 4,
      submitted: 0,
      finished: false,
    });
    expect(reviewCompletion({ proposals, experts, conflicts, reviews: allReviews.slice(0, 3) })).toEqual(
      expect.objectContaining({ expected: 4, submitted: 3, finished: false }),
    );
    expect(reviewCompletion({ proposals, experts, conflicts, reviews: allReviews })).toEqual(
      expect.objectContaining({ expected: 4, submitted: 4, finished: true }),
    );
  });

  it('does not count a review from an excluded expert towards the total', () => {
    const reviews = [...allReviews.slice(1), { proposalId: 'a', expertUserId: 'e2' }];
    expect(reviewCompletion({ proposals, experts, conflicts, reviews })).toEqual(
      expect.objectContaining({ expected: 4, submitted: 3, finished: false }),
    );
  });

  it('is not finished while a proposal awaits screening, or when a shortlisted one has no reviewer', () => {
    const unscreened = [...proposals, { id: 'e', status: 'submitted' as const, organizationIds: ['entE'] }];
    expect(reviewCompletion({ proposals: unscreened, experts, conflicts, reviews: allReviews })).toEqual(
      expect.objectContaining({ unscreened: 1, finished: false }),
    );
    expect(reviewCompletion({ proposals, experts: [], conflicts, reviews: [] })).toEqual(
      expect.objectContaining({ withoutReviewers: 2, expected: 0, submitted: 0, finished: false }),
    );
  });
});
