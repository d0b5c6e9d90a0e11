import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsRegion, lowerTrimString, ORGANIZATION_KINDS, OrganizationKind, OrganizationStatus, PageQueryDto, trimString } from '@app/core';
import { IsCreditCode } from './is-credit-code.validator';

export class OrganizationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'verified', 'rejected'], description: '仅科技局可查看未认证单位' })
  @IsOptional()
  @IsIn(['pending', 'verified', 'rejected'])
  status?: OrganizationStatus;

  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;

  @ApiPropertyOptional({ description: '名称包含' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class RejectDto {
  @ApiProperty({ example: '营业执照信息与填报名称不一致' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class UpdateOrganizationDto {
  @ApiPropertyOptional({ description: '单位名称（认证通过后不能自行修改）' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;
  @ApiPropertyOptional({ description: '统一社会信用代码（认证通过后不能自行修改）' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsCreditCode()
  creditCode?: string;
  @ApiPropertyOptional({
    example: '钟祥市',
    description: '所在市或县（区），须为地区参考（GET /api/catalog/reference）中的名称；“荆门”等写法按参考统一（认证通过后不能自行修改）',
  })
  @IsOptional()
  @IsRegion()
  region?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trimString) @IsString() @MaxLength(50) contactName?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trimString)
  @Matches(/^[0-9+\- ]{5,20}$/, { context: { message: '不是有效的电话号码' } })
  contactPhone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(200) contactEmail?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trimString) @IsString() @MaxLength(2000) description?: string;
}

export class AddMemberDto {
  @ApiProperty() @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @ApiProperty()
  @Transform(lowerTrimString)
  @IsEmail()
  @MaxLength(200)
  email!: string;
  @ApiProperty({ minLength: 8 })
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  password!: string;
  @ApiPropertyOptional({ enum: ['admin', 'member'], default: 'member' })
  @IsOptional()
  @IsIn(['admin', 'member'])
  role?: 'admin' | 'member';
}

/** What anyone may see of an organization. */
export class OrganizationPublicDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) kind!: OrganizationKind;
  @ApiProperty() region!: string;
  @ApiProperty({ enum: ['pending', 'verified', 'rejected'] }) status!: OrganizationStatus;
  @ApiProperty({ type: String, nullable: true, description: '统一社会信用代码' }) creditCode!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '单位简介' }) description!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '认证时间' }) verifiedAt!: Date | null;
}

/** What the organization itself and the bureau see in addition. */
export class OrganizationDetailDto extends OrganizationPublicDto {
  @ApiProperty({ type: String, nullable: true, description: '认证未通过的原因' }) rejectReason!: string | null;
  @ApiProperty({ type: String, nullable: true }) contactName!: string | null;
  @ApiProperty({ type: String, nullable: true }) contactPhone!: string | null;
  @ApiProperty({ type: String, nullable: true }) contactEmail!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: '提交科技局认证的时间（管理员验证邮箱后）；为空表示尚未验证邮箱、不在认证队列中',
  })
  submittedAt!: Date | null;
}
