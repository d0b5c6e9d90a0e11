import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import type { OrganizationKind } from '@app/core';
import { IsCreditCode } from './is-credit-code.validator';
import { IsNewPassword } from './password.dto';
import { IsRegion, trimString, lowerTrimString } from '@app/core';

export const SELF_REGISTERED_KINDS: OrganizationKind[] = ['enterprise', 'university', 'institute'];

/** Registers an organization together with its first user, who becomes its admin. */
export class RegisterDto {
  @ApiProperty({ example: '荆门市某某新材料有限公司' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  organizationName!: string;

  @ApiProperty({ enum: SELF_REGISTERED_KINDS, description: '单位类型：企业、高校、科研院所（科技局账号由平台开通）' })
  @IsIn(SELF_REGISTERED_KINDS, { context: { message: '只能是 enterprise（企业）、university（高校）或 institute（科研院所）' } })
  kind!: OrganizationKind;

  @ApiPropertyOptional({ example: '91420800MA4******X', description: '统一社会信用代码（企业必填）' })
  @ValidateIf((o: RegisterDto) => o.kind === 'enterprise' || o.creditCode !== undefined)
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsCreditCode()
  creditCode?: string;

  @ApiProperty({
    example: '钟祥市',
    description: '所在市或县（区），须为地区参考（GET /api/catalog/reference）中的名称；“荆门”“湖北省荆门市钟祥市”等写法按参考统一',
  })
  @IsRegion()
  region!: string;

  @ApiProperty({ example: '张三' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ example: 'zhangsan@example.com' })
  @Transform(lowerTrimString)
  @IsEmail()
  @MaxLength(200)
  email!: string;

  @ApiProperty({ minLength: 8, example: 'S3cure-pass' })
  @IsNewPassword()
  password!: string;

  @ApiPropertyOptional({ example: '13800000000' })
  @IsOptional()
  @Transform(trimString)
  @Matches(/^[0-9+\- ]{5,20}$/, { context: { message: '不是有效的电话号码' } })
  phone?: string;
}

export class LoginDto {
  @ApiProperty()
  @Transform(lowerTrimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password!: string;

  @ApiPropertyOptional({ description: '网页端使用：刷新令牌放在 httpOnly Cookie 中，不在响应体中返回' })
  @IsOptional()
  @IsBoolean()
  useCookie?: boolean;
}

export class RefreshDto {
  @ApiPropertyOptional({ description: '刷新令牌；省略时使用网页端的 Cookie' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken?: string;
}

export class TokenPairDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: '刷新令牌（网页端放在 Cookie 中时不返回）' }) refreshToken!: string;
  @ApiProperty({ description: '访问令牌有效期（秒）' }) expiresIn!: number;
}

/** What a sign-in answers: the refresh token is left out when it went into the portal's cookie. */
export class SessionDto {
  @ApiProperty({ description: '访问令牌（Bearer）' }) accessToken!: string;
  @ApiPropertyOptional({ description: '刷新令牌（网页端放在 Cookie 中时不返回）' }) refreshToken?: string;
  @ApiProperty({ type: 'integer', description: '访问令牌有效期（秒）' }) expiresIn!: number;
}
