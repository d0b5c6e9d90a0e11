import { type AuditEntry, type AuthUser, isBureau } from '@app/core';
import { ADOPTION_STATUS_LABELS, STATUS_LABELS } from '../catalog.constants';

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
  return {
    at: e.at,
    action: e.action,
    actionLabel: ACTION_LABELS[step] ?? step,
    fromState: e.fromState,
    fromLabel: e.fromState ? (STATE_LABELS[e.fromState] ?? e.fromState) : null,
    toState: e.toState,
    toLabel: e.toState ? (STATE_LABELS[e.toState] ?? e.toState) : null,
    reason: e.reason,
    actorUserId: ownSide ? e.actorUserId : null,
    actorName: e.actorUserId ? (names.users.get(e.actorUserId) ?? null) : null,
    actorOrganizationId: e.actorOrganizationId,
    actorOrganizationName: e.actorOrganizationId ? (names.organizations.get(e.actorOrganizationId) ?? null) : null,
    data: e.data,
  };
}
