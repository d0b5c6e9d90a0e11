import { StateMachine } from '@app/core';
import { STATUS_LABELS } from '../catalog.constants';
import type { ItemType } from './item-kind';

/**
 * The review workflow of a need or a result as a transition table: draft → submitted → published |
 * rejected → closed. Refusals name the action ("已发布的技术需求不能提交（仅限：草稿、已驳回）"); audit
 * actions are `<type>.<action>` as they always were.
 */
function itemMachine(type: ItemType, label: string) {
  return new StateMachine({
    entity: type,
    label,
    states: STATUS_LABELS,
    refusal: ({ label: l, current, allowed, verb }) => `${current}的${l}不能${verb ?? '执行此操作'}（仅限：${allowed}）`,
    transitions: {
      submit: { from: ['draft', 'rejected'], to: 'submitted', who: 'the owner', event: `${type}.submitted`, verb: '提交', audit: 'submit' },
      approve: {
        from: ['submitted'],
        to: 'published',
        who: 'the bureau (or the import)',
        event: `${type}.approved`,
        verb: '审核通过',
        audit: 'approve',
      },
      reject: {
        from: ['submitted'],
        to: 'rejected',
        who: 'the bureau, with a reason',
        event: `${type}.rejected`,
        verb: '驳回',
        audit: 'reject',
      },
      correct: {
        from: ['published'],
        to: 'published',
        who: 'the bureau, with a reason',
        event: `${type}.corrected`,
        verb: '更正',
        audit: 'correct',
      },
      close: {
        from: ['draft', 'submitted', 'published', 'rejected'],
        to: 'closed',
        who: 'the owner',
        event: `${type}.closed`,
        verb: '关闭',
        audit: 'close',
      },
      retire: {
        from: ['published'],
        to: 'closed',
        who: 'the bureau (e.g. outdated)',
        event: `${type}.closed`,
        verb: '关闭',
        audit: 'close',
      },
    },
  });
}

/** Keyed by item type; the labels are the kinds' own (需求, 成果), as in every other message. */
export const ITEM_MACHINES = { need: itemMachine('need', '需求'), result: itemMachine('result', '成果') };
export type ItemAction = keyof (typeof ITEM_MACHINES)['need']['definition']['transitions'];
