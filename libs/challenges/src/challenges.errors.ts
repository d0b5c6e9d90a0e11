import { ConflictError, DomainError, InvalidStateError, ValidationFailedError } from '@app/core';

export class WindowClosedError extends DomainError {
  constructor() {
    super('APPLICATION_WINDOW_CLOSED', '揭榜申报已截止（以服务器时间为准），不能再提交或修改', 409);
  }
}

export class WindowNotOpenError extends DomainError {
  constructor() {
    super('APPLICATION_WINDOW_NOT_OPEN', '揭榜申报尚未开始', 409);
  }
}

export class NotEligibleError extends DomainError {
  constructor(why: string) {
    super('NOT_ELIGIBLE', `本单位不符合该榜单的揭榜条件：${why}`, 403);
  }
}

export class DuplicateProposalError extends ConflictError {
  constructor() {
    super('DUPLICATE_PROPOSAL', '本单位已就该榜单提交过揭榜申请，每个单位只能申请一次');
  }
}

/** An organization answers a challenge once: as the lead of one proposal or a partner in one. */
export class AlreadyApplyingError extends ConflictError {
  constructor(organizationName: string) {
    super('ALREADY_APPLYING', `联合单位“${organizationName}”已参与本榜单另一份已提交的揭榜申请（牵头或联合），每个单位只能参与一份`, [
      { field: 'partnerOrganizationIds', message: `${organizationName} 已参与另一份申请` },
    ]);
  }
}

export class ReviewNotStartedError extends DomainError {
  constructor(why: string) {
    super('REVIEW_NOT_STARTED', `评审尚未开始：${why}`, 409);
  }
}

export class ReviewNotFinishedError extends DomainError {
  constructor(why: string) {
    super('REVIEW_NOT_FINISHED', `专家评审尚未完成，不能评定中榜单位：${why}`, 409);
  }
}

export class OverBudgetError extends ValidationFailedError {
  constructor(field: string, message: string) {
    super(message, [{ field, message }]);
  }
}

export class BadAttachmentError extends ValidationFailedError {
  constructor(message: string) {
    super(message, [{ field: 'file', message }]);
  }
}

export function stateError(message: string): InvalidStateError {
  return new InvalidStateError(message);
}
