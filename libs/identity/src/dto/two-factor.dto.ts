import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { SessionDto } from './auth.dto';

/** Spaces typed or pasted inside a code ("123 456") are dropped. */
const withoutSpaces = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.replace(/\s+/g, '') : value);

function IsTotpCode(): PropertyDecorator {
  return applyDecorators(Transform(withoutSpaces), IsString(), Matches(/^\d{6}$/, { context: { message: '请输入验证器上的 6 位数字' } }));
}

/** A code from the authenticator app. */
export class TwoFactorCodeDto {
  @ApiProperty({ example: '123456', description: '验证器应用上显示的 6 位数字' })
  @IsTotpCode()
  code!: string;
}

export class DisableTwoFactorDto extends TwoFactorCodeDto {
  @ApiProperty({ description: '当前登录密码' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password!: string;
}

/** What an authenticator app needs to be set up: scan the QR code, or type the secret. */
export class TwoFactorEnrolmentDto {
  @ApiProperty({ description: '密钥（Base32），无法扫码时手动输入验证器', example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' })
  secret!: string;

  @ApiProperty({ description: 'otpauth:// 地址（二维码的内容）' })
  otpauthUri!: string;

  @ApiProperty({ description: '二维码图片（PNG 的 data: URL）' })
  qrDataUrl!: string;
}

/** Recovery codes, shown this once: only their hashes are kept. */
export class RecoveryCodesDto {
  @ApiProperty({ type: [String], description: '10 个一次性恢复码，仅显示这一次', example: ['abcd-efgh-jkmn'] })
  recoveryCodes!: string[];
}

export class TwoFactorStatusDto {
  @ApiProperty({ description: '是否已开启两步验证' })
  enabled!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '开启时间' })
  enabledAt!: string | null;

  @ApiProperty({ description: '该账号是否必须开启（科技局账号）；必须时不能关闭' })
  required!: boolean;

  @ApiProperty({ type: 'integer', description: '剩余可用的恢复码个数' })
  recoveryCodesLeft!: number;
}

/** The password was right and the account signs in with a second factor: no session yet. */
export class TwoFactorChallengeDto {
  @ApiProperty({ enum: [true], description: '需要输入验证器上的验证码（或恢复码）' })
  twoFactorRequired!: true;

  @ApiProperty({ description: '第二步使用的临时令牌（5 分钟内有效，仅可成功使用一次）' })
  challengeToken!: string;

  @ApiProperty({ type: 'integer', description: '临时令牌有效期（秒）' })
  expiresIn!: number;
}

/** The password was right, but this account must turn two-factor on before it signs in. */
export class TwoFactorEnrolmentChallengeDto {
  @ApiProperty({ enum: [true], description: '该账号必须先开启两步验证才能登录' })
  twoFactorEnrolmentRequired!: true;

  @ApiProperty({ description: '开启两步验证时使用的临时令牌（5 分钟内有效，仅可成功使用一次）' })
  challengeToken!: string;

  @ApiProperty({ type: 'integer', description: '临时令牌有效期（秒）' })
  expiresIn!: number;
}

export type LoginAnswer = SessionDto | TwoFactorChallengeDto | TwoFactorEnrolmentChallengeDto;

export class ChallengeTokenDto {
  @ApiProperty({ description: '登录第一步返回的临时令牌' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  challengeToken!: string;
}

/** The second step of a sign-in: a code from the authenticator app, or one recovery code. */
export class LoginTwoFactorDto extends ChallengeTokenDto {
  @ApiPropertyOptional({ example: '123456', description: '验证器上的 6 位数字（与 recoveryCode 二选一）' })
  @ValidateIf((o: LoginTwoFactorDto) => o.recoveryCode === undefined || o.code !== undefined)
  @IsTotpCode()
  code?: string;

  @ApiPropertyOptional({ example: 'abcd-efgh-jkmn', description: '恢复码（与 code 二选一；每个只能使用一次）' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  recoveryCode?: string;

  @ApiPropertyOptional({ description: '网页端使用：刷新令牌放在 httpOnly Cookie 中，不在响应体中返回' })
  @IsOptional()
  @IsBoolean()
  useCookie?: boolean;
}

/** Turning two-factor on during a sign-in that requires it (bureau accounts). */
export class ConfirmEnrolmentLoginDto extends ChallengeTokenDto {
  @ApiProperty({ example: '123456', description: '验证器上的 6 位数字' })
  @IsTotpCode()
  code!: string;

  @ApiPropertyOptional({ description: '网页端使用：刷新令牌放在 httpOnly Cookie 中，不在响应体中返回' })
  @IsOptional()
  @IsBoolean()
  useCookie?: boolean;
}

/** Signed in after turning two-factor on: the session, and the recovery codes shown this once. */
export class EnrolledSessionDto extends SessionDto {
  @ApiProperty({ type: [String], description: '10 个一次性恢复码，仅显示这一次' })
  recoveryCodes!: string[];
}
