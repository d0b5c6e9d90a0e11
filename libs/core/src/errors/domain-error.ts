/** One detail of an error, e.g. which field of a request was wrong. */
export interface ErrorDetail {
  field?: string;
  row?: number;
  column?: string;
  message: string;
}

/**
 * Base of every typed domain error. `code` is stable and machine-readable, `message` is
 * Chinese text for the user, `status` the HTTP status the global filter answers with.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailedError extends DomainError {
  constructor(message: string, details?: ErrorDetail[]) {
    super('VALIDATION_FAILED', message, 400, details);
  }
}

/** Missing and forbidden answer alike, so ids cannot be probed. */
export class NotFoundError extends DomainError {
  constructor(what = '资源') {
    super('NOT_FOUND', `${what}不存在或无权访问`, 404);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = '无权执行此操作') {
    super('FORBIDDEN', message, 403);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = '请先登录') {
    super('UNAUTHORIZED', message, 401);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details?: ErrorDetail[]) {
    super(code, message, 409, details);
  }
}

/** A state transition that the item's lifecycle does not allow from where it is. */
export class InvalidStateError extends DomainError {
  constructor(message: string) {
    super('INVALID_STATE', message, 409);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(
    message = '请求过于频繁，请稍后再试',
    readonly retryAfterSeconds?: number,
  ) {
    super('TOO_MANY_REQUESTS', message, 429);
  }
}
