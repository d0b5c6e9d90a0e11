import { ConflictError, DomainError, UnauthorizedError } from '@app/core';

export class EmailTakenError extends ConflictError {
  constructor() {
    super('EMAIL_TAKEN', '该邮箱已注册', [{ field: 'email', message: '该邮箱已注册' }]);
  }
}

export class CreditCodeTakenError extends ConflictError {
  constructor() {
    super('CREDIT_CODE_TAKEN', '该统一社会信用代码已有单位注册', [{ field: 'creditCode', message: '该统一社会信用代码已有单位注册' }]);
  }
}

/** The same answer whether the account exists or not. */
export class BadCredentialsError extends UnauthorizedError {
  constructor() {
    super('邮箱或密码不正确');
  }
}

export class InvalidRefreshTokenError extends DomainError {
  constructor() {
    super('INVALID_REFRESH_TOKEN', '登录状态已失效，请重新登录', 401);
  }
}
