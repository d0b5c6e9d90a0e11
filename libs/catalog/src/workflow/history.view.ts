import { type AuditEntry, type AuthUser, isBureau } from '@app/core';
import { ADOPTION_STATUS_LABELS, STATUS_LABELS } from '../catalog.constants';
import { REVISION_ENTITY, REVISION_STATUS_LABELS } from './revision-machine';

/** What each recorded step of a need, result or adoption is called on its history. */
const ACTION_LABELS: Record<string, string> = {
  create: '创建',
  update: '修改',
  submit: '提交审核',
  approve: '审核通过并发布',
  reject: '驳回',
  close: '关闭',
  correct: '科技局更正',
  confirm: '科技局确认',
  import: '批量导入',
  resubmit: '修改后重新提交',
};

/** The steps of a revision (修改) of a published item, as the item's history shows them. */
const REVISION_ACTION_LABELS: Record<string, string> = {
  propose: '提交修改（待科技局审核）',
  revise: '更新待审核的修改',
  approve: '修改审核通过并生效',
  reject: '修改被驳回',
  withdraw: '撤回修改',
  lapse: '修改随关闭作废',
};

const STATE_LABELS: Record<string, string> = { ...STATUS_LABELS, ...ADOPTION_STATUS_LABELS };

/** Names of the people and organizations that acted on an item. */
export interface HistoryNames {
  users: Map<string, string>;
  organizations: Map<string, string>;
}

/**
 * One step of an item's visible history, with Chinese names beside the codes. Who acted is named;
 * a user's id is shown only to that user's own organization and to the bureau.
 */
export function toHistoryView(e: AuditEntry, names: HistoryNames, viewer: AuthUser) {
  const ownSide = isBureau(viewer) || viewer.organizationId === e.actorOrganizationId;
  const step = e.action.slice(e.action.indexOf('.') + 1);
  const revision = e.entityType === REVISION_ENTITY;
  const actions = revision ? REVISION_ACTION_LABELS : ACTION_LABELS;
  const states: Record<string, string> = revision ? REVISION_STATUS_LABELS : STATE_LABELS;
  return {
    at: e.at,
    action: e.action,
    actionLabel: actions[step] ?? step,
    fromState: e.fromState,
    fromLabel: e.fromState ? (states[e.fromState] ?? e.fromState) : null,
    toState: e.toState,
    toLabel: e.toState ? (states[e.toState] ?? e.toState) : null,
    reason: e.reason,
    actorUserId: ownSide ? e.actorUserId : null,
    actorName: e.actorUserId ? (names.users.get(e.actorUserId) ?? null) : null,
    actorOrganizationId: e.actorOrganizationId,
    actorOrganizationName: e.actorOrganizationId ? (names.organizations.get(e.actorOrganizationId) ?? null) : null,
    data: e.data,
  };
}
