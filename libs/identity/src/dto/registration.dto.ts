import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { lowerTrimString } from '@app/core';

/** The same answer whether the address is new or has an account: the e-mail says which. */
export class RegistrationReceivedDto {
  @ApiProperty({ example: '注册申请已提交。我们已向您填写的邮箱发送一封邮件，请在 24 小时内打开其中的链接验证邮箱……' })
  message!: string;
}

export class VerifyEmailDto {
  @ApiProperty({ description: '验证邮件中链接的令牌' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;
}

export class ResendVerificationDto {
  @ApiProperty({ example: 'zhangsan@example.com', description: '注册时填写的邮箱' })
  @Transform(lowerTrimString)
  @IsEmail()
  @MaxLength(200)
  email!: string;
}
