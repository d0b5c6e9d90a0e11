import { StateMachine } from '@app/core';

/**
 * A revision (修改) of a published need or result: the owner's change waits for the bureau while
 * the published version stays what everyone sees. pending → approved (applied) | rejected (with a
 * reason) | withdrawn (by the owner, or lapsed when the item is closed). A second edit of a pending
 * revision replaces its changes (revise), so an item has at most one pending revision.
 */
export const REVISION_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];
export const REVISION_STATUS_LABELS: Record<RevisionStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '已驳回',
  withdrawn: '已撤回',
};

/** The audit entity of revisions; their audit actions are `revision.<action>`. */
export const REVISION_ENTITY = 'revision';

export const REVISION_MACHINE = new StateMachine({
  entity: REVISION_ENTITY,
  label: '修改',
  states: REVISION_STATUS_LABELS,
  refusal: ({ label, current, allowed, verb }) => `${current}的${label}不能${verb ?? '再操作'}（仅限：${allowed}）`,
  transitions: {
    revise: { from: ['pending'], to: 'pending', who: 'the owner (a second edit replaces the changes)', verb: '再修改', audit: 'revise' },
    approve: {
      from: ['pending'],
      to: 'approved',
      who: 'the bureau',
      event: '<type>.approved with revisionId (re-index, re-match, the owner told)',
      verb: '审核通过',
      audit: 'approve',
    },
    reject: {
      from: ['pending'],
      to: 'rejected',
      who: 'the bureau, with a reason',
      event: '<type>.rejected with revisionId (the owner told)',
      verb: '驳回',
      audit: 'reject',
    },
    withdraw: { from: ['pending'], to: 'withdrawn', who: 'the owner', verb: '撤回', audit: 'withdraw' },
    lapse: { from: ['pending'], to: 'withdrawn', who: 'whoever closes the item', verb: '作废', audit: 'lapse' },
  },
});
export type RevisionAction = keyof (typeof REVISION_MACHINE)['definition']['transitions'];
