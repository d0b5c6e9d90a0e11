import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { lowerTrimString } from '@app/core';

/** The rules of every password a person chooses (registration, reset, change): 8–128 characters, letters and digits. */
export function IsNewPassword(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MinLength(8),
    MaxLength(128),
    Matches(/[A-Za-z]/, { context: { message: '必须包含字母' } }),
    Matches(/\d/, { context: { message: '必须包含数字' } }),
  );
}

export class ForgotPasswordDto {
  @ApiProperty({ example: 'zhangsan@example.com', description: '登录邮箱' })
  @Transform(lowerTrimString)
  @IsEmail()
  @MaxLength(200)
  email!: string;
}

export class ResetPasswordDto {
  @ApiProperty({ description: '邮件（或开通科技局账号时打印）的链接中的令牌' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;

  @ApiProperty({ minLength: 8, example: 'S3cure-pass', description: '新密码：至少 8 位，包含字母和数字' })
  @IsNewPassword()
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty({ description: '当前密码' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  currentPassword!: string;

  @ApiProperty({ minLength: 8, example: 'S3cure-pass', description: '新密码：至少 8 位，包含字母和数字' })
  @IsNewPassword()
  newPassword!: string;
}

/** The same answer whether the address has an account or not. */
export class PasswordLinkRequestedDto {
  @ApiProperty({ example: '如果该邮箱已注册，我们已向其发送重置密码的链接，30 分钟内有效。' })
  message!: string;
}
