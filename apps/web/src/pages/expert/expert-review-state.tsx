import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { components } from '../../api/schema';
import { useSession } from '../../auth/session';
import { dateText } from '../../components/labels';
import { type Challenge, Muted, ToneTag } from '../challenges/ChallengeShared';

export type MyReview = components['schemas']['ReviewViewDto'] & { savedAt?: string };

/**
 * The API answers an expert's review only when it is saved or submitted (there is no GET of
 * one's own review), so the last answer is kept in this browser, per user and proposal: the
 * draft comes back after a reload and the task list knows what is submitted.
 */
const storageKey = (userId: string, proposalId: string) => `expert-review:${userId}:${proposalId}`;

function recall(userId: string | undefined, proposalId: string): MyReview | null {
  if (!userId) return null;
  try {
    const raw = window.localStorage.getItem(storageKey(userId, proposalId));
    return raw ? (JSON.parse(raw) as MyReview) : null;
  } catch {
    return null;
  }
}

export function useMyReview(proposalId: string | undefined) {
  const { me } = useSession();
  const userId = me?.user.id;
  return useQuery({
    queryKey: ['my-review', userId, proposalId],
    enabled: !!userId && !!proposalId,
    staleTime: Infinity,
    queryFn: () => recall(userId, proposalId!),
  });
}

export function useRememberReview() {
  const { me } = useSession();
  const qc = useQueryClient();
  const userId = me?.user.id;
  return useCallback(
    (review: components['schemas']['ReviewViewDto']) => {
      if (!userId) return;
      const value: MyReview = { ...review, savedAt: new Date().toISOString() };
      try {
        window.localStorage.setItem(storageKey(userId, review.proposalId), JSON.stringify(value));
      } catch {
        // Storage full or disabled: the cache below still holds it for this visit.
      }
      qc.setQueryData(['my-review', userId, review.proposalId], value);
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
