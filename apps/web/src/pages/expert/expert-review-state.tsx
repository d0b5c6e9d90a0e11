import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { useSession } from '../../auth/session';
import { dateText } from '../../components/labels';
import { type Challenge, Muted, ToneTag } from '../challenges/ChallengeShared';

export type MyReview = components['schemas']['ReviewViewDto'] & { savedAt?: string };

/** My saved draft or submitted review of a proposal, from the API (null before the first save). */
export function useMyReview(proposalId: string | undefined) {
  const { me } = useSession();
  const userId = me?.user.id;
  return useQuery({
    queryKey: ['my-review', userId, proposalId],
    enabled: !!userId && !!proposalId,
    queryFn: async (): Promise<MyReview | null> =>
      unwrap(await api.GET('/api/proposals/{id}/reviews/mine', { params: { path: { id: proposalId! } } })).review ?? null,
  });
}

/** After a save or a submission: the answer becomes what the page shows, without asking again. */
export function useRememberReview() {
  const { me } = useSession();
  const qc = useQueryClient();
  const userId = me?.user.id;
  return useCallback(
    (review: components['schemas']['ReviewViewDto']) => {
      qc.setQueryData(['my-review', userId, review.proposalId], { ...review, savedAt: new Date().toISOString() });
    },
    [qc, userId],
  );
}

export function ReviewStateTag({ review, testId }: { review: MyReview | null | undefined; testId?: string }) {
  if (review?.status === 'submitted')
    return (
      <ToneTag tone="green" testId={testId}>
        已提交
      </ToneTag>
    );
  if (review?.status === 'draft')
    return (
      <ToneTag tone="blue" testId={testId}>
        草稿已保存
      </ToneTag>
    );
  return (
    <ToneTag tone="gold" testId={testId}>
      待评审
    </ToneTag>
  );
}

/** What remains to do on one assigned proposal. */
export function ReviewTodo({ proposalId, challenge }: { proposalId: string; challenge?: Challenge }) {
  const review = useMyReview(proposalId).data;
  const text =
    review?.status === 'submitted'
      ? `已提交（总分 ${review.total}）`
      : challenge && challenge.status !== 'reviewing'
        ? '榜单不在评审阶段'
        : review?.status === 'draft'
          ? `草稿保存于 ${dateText(review.savedAt)}，待提交`
          : '逐项评分、写明意见并提交';
  return (
    <span>
      <ReviewStateTag review={review} /> <Muted>{text}</Muted>
    </span>
  );
}
