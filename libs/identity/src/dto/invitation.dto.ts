import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { MemberRole } from '@app/core';
import { lowerTrimString, trimString } from '@app/core';
import { MEMBER_ROLES } from './member.dto';
import { IsNewPassword } from './password.dto';

export class InviteMemberDto {
  @ApiProperty({ example: 'lisi@example.com', description: '被邀请人的邮箱（登录用）' })
  @Transform(lowerTrimString)
  @IsEmail()
  @MaxLength(200)
  email!: string;

  @ApiPropertyOptional({ example: '李四', description: '被邀请人的姓名（可留空，由被邀请人自己填写）' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(50)
  name?: string;

  @ApiPropertyOptional({ enum: MEMBER_ROLES, default: 'member', description: 'admin（管理员）或 member（成员）' })
  @IsOptional()
  @IsIn(MEMBER_ROLES, { context: { message: '只能是 admin（管理员）或 member（成员）' } })
  role?: MemberRole;
}

export class AcceptInvitationDto {
  @ApiProperty({ description: '邀请邮件中链接的令牌' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;

  @ApiProperty({ example: '李四', description: '您的姓名' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ minLength: 8, example: 'S3cure-pass', description: '登录密码：至少 8 位，包含字母和数字' })
  @IsNewPassword()
  password!: string;
}

export class InvitationAcceptedDto {
  @ApiProperty({ description: '登录邮箱' }) email!: string;
  @ApiProperty() message!: string;
}
