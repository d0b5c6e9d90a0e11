import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { MemberRole } from '@app/core';
import { trimString } from '@app/core';

export const MEMBER_ROLES: MemberRole[] = ['admin', 'member'];

/** `/organizations/:id/members/:userId`. */
export class MemberParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { context: { message: '不是有效的编号' } })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { context: { message: '不是有效的编号' } })
  userId!: string;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: MEMBER_ROLES, description: 'admin（管理员）或 member（成员）' })
  @IsIn(MEMBER_ROLES, { context: { message: '只能是 admin（管理员）或 member（成员）' } })
  role!: MemberRole;
}

export class DisableUserDto {
  @ApiPropertyOptional({ description: '停用原因（科技局停用他单位账号时必填）' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;
}

/** A member of an organization as its admins and the bureau see it. */
export class MemberViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ enum: MEMBER_ROLES }) role!: MemberRole;
  @ApiProperty() isExpert!: boolean;
  @ApiProperty({ type: [String] }) expertFields!: string[];
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ description: '账号是否启用' }) active!: boolean;
  @ApiProperty({ description: '邮箱是否已验证' }) emailVerified!: boolean;
  @ApiProperty({ description: '已邀请、尚未接受邀请（账号在接受前不能登录）' }) invited!: boolean;
}
