import { ConflictError, DomainError, ForbiddenError, InvalidStateError, UnauthorizedError, ValidationFailedError } from '@app/core';

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

/** A password link unknown, already used, superseded or expired: one answer for all. */
export class InvalidPasswordLinkError extends DomainError {
  constructor() {
    const message = '链接无效、已使用或已过期，请重新申请重置密码';
    super('INVALID_PASSWORD_LINK', message, 400, [{ field: 'token', message }]);
  }
}

export class WrongCurrentPasswordError extends DomainError {
  constructor() {
    super('WRONG_PASSWORD', '当前密码不正确', 400, [{ field: 'currentPassword', message: '当前密码不正确' }]);
  }
}

export class SamePasswordError extends ValidationFailedError {
  constructor() {
    super('新密码不能与当前密码相同', [{ field: 'newPassword', message: '新密码不能与当前密码相同' }]);
  }
}

/** bureau:create run again: the bureau exists already. */
export class BureauExistsError extends ConflictError {
  constructor(name: string) {
    super('BUREAU_EXISTS', `科技局单位“${name}”已存在；如确需为其再开通一个管理员账号（或重新生成设置密码的链接），请加 --force 再运行`);
  }
}

/** A verification link unknown, already used, superseded or expired: one answer for all. */
export class InvalidVerificationLinkError extends DomainError {
  constructor() {
    const message = '验证链接无效、已使用或已过期，请重新发送验证邮件';
    super('INVALID_VERIFICATION_LINK', message, 400, [{ field: 'token', message }]);
  }
}

/** The bureau verifies an organization whose admin has not verified their e-mail address yet. */
export class OrganizationNotSubmittedError extends InvalidStateError {
  constructor() {
    super('该单位的管理员尚未验证邮箱，单位还未提交认证，暂不能审核');
  }
}

/** An invitation unknown, accepted, revoked or expired: one answer for all. */
export class InvalidInvitationError extends DomainError {
  constructor() {
    const message = '邀请链接无效、已使用、已撤销或已过期，请联系单位管理员重新邀请';
    super('INVALID_INVITATION', message, 400, [{ field: 'token', message }]);
  }
}

/** A wrong, reused or malformed authenticator code (or recovery code). */
export class InvalidTwoFactorCodeError extends DomainError {
  constructor(field: 'code' | 'recoveryCode' = 'code') {
    const message = field === 'code' ? '验证码不正确' : '恢复码不正确或已使用';
    super('INVALID_TWO_FACTOR_CODE', message, 400, [{ field, message }]);
  }
}

/** The sign-in's second step came too late, twice, or with a token not made here. */
export class TwoFactorChallengeExpiredError extends DomainError {
  constructor() {
    super('TWO_FACTOR_CHALLENGE_EXPIRED', '验证已过期，请重新登录', 401);
  }
}

export class TwoFactorAlreadyEnabledError extends InvalidStateError {
  constructor() {
    super('两步验证已开启；如需更换验证器，请先关闭再重新开启');
  }
}

export class TwoFactorNotEnabledError extends InvalidStateError {
  constructor() {
    super('两步验证尚未开启');
  }
}

/** Confirming before starting, or after the enrolment was replaced. */
export class TwoFactorEnrolmentNotStartedError extends InvalidStateError {
  constructor() {
    super('请先获取新的二维码再输入验证码');
  }
}

/** Bureau accounts must keep two-factor sign-in while BUREAU_TOTP_REQUIRED is on. */
export class TwoFactorRequiredError extends ForbiddenError {
  constructor() {
    super('科技局账号必须开启两步验证，不能关闭');
  }
}

/** The stored secret does not open: the server's secret (JWT_SECRET) changed since enrolment. */
export class TwoFactorSecretUnreadableError extends DomainError {
  constructor() {
    super('TWO_FACTOR_SECRET_UNREADABLE', '两步验证的密钥已无法读取（服务器密钥已更换），请使用恢复码登录后重新开启两步验证', 409);
  }
}

/** The account's password, asked again before a security change (turning two-factor off). */
export class WrongAccountPasswordError extends DomainError {
  constructor() {
    super('WRONG_PASSWORD', '密码不正确', 400, [{ field: 'password', message: '密码不正确' }]);
  }
}
