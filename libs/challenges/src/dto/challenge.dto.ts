import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { INDUSTRY_FIELDS } from '@app/catalog';
import { CHALLENGE_STATUSES, ChallengeStatus } from '../challenge.constants';
import { PageQueryDto, trimString } from '@app/core';

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATETIME_MESSAGE = { context: { message: '应为带时区的日期时间，如 2027-01-15T17:00:00+08:00' } };
const APPLICANT_KINDS = ['enterprise', 'university', 'institute'] as const;
/** At most 10 billion yuan: beyond it, a typo. */
const MAX_YUAN = 10_000_000_000;

export class ObjectiveDto {
  @ApiProperty({ example: '电池能量密度' }) @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(100) indicator!: string;
  @ApiProperty({ example: '≥300' }) @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(50) target!: string;
  @ApiProperty({ example: 'Wh/kg' }) @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(20) unit!: string;
}

export class CriterionDto {
  @ApiProperty({ example: 'tech' })
  @Matches(/^[a-z][a-z0-9_]{0,30}$/, { context: { message: '只能是小写字母、数字和下划线' } })
  key!: string;
  @ApiProperty({ example: '技术方案先进性与可行性' }) @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @ApiProperty({ example: 40, description: '权重（整数），全部标准之和为 100' }) @IsInt() @Min(1) @Max(100) weight!: number;
}

export class CreateChallengeDto {
  @ApiProperty() @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(100) title!: string;
  @ApiProperty({ description: '榜单背景' }) @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(5000) background!: string;
  @ApiProperty({ enum: INDUSTRY_FIELDS }) @IsIn(INDUSTRY_FIELDS, { context: { message: '不是平台维护的产业领域' } }) field!: string;

  @ApiProperty({ type: [ObjectiveDto], description: '攻关目标及可量化指标' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ObjectiveDto)
  objectives!: ObjectiveDto[];

  @ApiProperty({ description: '财政资金上限（元，整数）', example: 5000000 }) @IsInt() @Min(1) @Max(MAX_YUAN) budgetCapYuan!: number;
  @ApiPropertyOptional({ description: '企业配套资金（元，整数）', default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_YUAN)
  matchingFundsYuan?: number;
  @ApiPropertyOptional({ description: '由已发布的企业技术需求生成时填写；该企业作为联合出资方' })
  @IsOptional()
  @IsUUID()
  sourceNeedId?: string;
  @ApiProperty({ example: '2026-12-01T00:00:00+08:00' }) @IsISO8601({ strict: true }) @Matches(DATETIME, DATETIME_MESSAGE) opensAt!: string;
  @ApiProperty({ example: '2027-01-15T17:00:00+08:00' })
  @IsISO8601({ strict: true })
  @Matches(DATETIME, DATETIME_MESSAGE)
  closesAt!: string;
  @ApiProperty({ description: '实施周期（月）' }) @IsInt() @Min(1) @Max(120) durationMonths!: number;

  @ApiProperty({ enum: APPLICANT_KINDS, isArray: true, description: '可揭榜的单位类型' })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(APPLICANT_KINDS, { each: true })
  eligibleKinds!: (typeof APPLICANT_KINDS)[number][];

  @ApiPropertyOptional({ type: [String], description: '限定地区（空为不限）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  eligibleRegions?: string[];

  @ApiPropertyOptional({ default: true, description: '仅限已认证单位' }) @IsOptional() @IsBoolean() verifiedOnly?: boolean;
  @ApiProperty({ description: '预期成果与交付物' }) @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(3000) deliverables!: string;

  @ApiProperty({ type: [CriterionDto], description: '评审标准及权重（和为 100）' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria!: CriterionDto[];

  @ApiPropertyOptional({ default: 7, description: '公示期（天）' }) @IsOptional() @IsInt() @Min(1) @Max(60) publicityDays?: number;
}

export class UpdateChallengeDto extends PartialType(CreateChallengeDto) {}

export class ChallengeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CHALLENGE_STATUSES }) @IsOptional() @IsIn(CHALLENGE_STATUSES) status?: ChallengeStatus;
  @ApiPropertyOptional({ enum: INDUSTRY_FIELDS }) @IsOptional() @IsIn(INDUSTRY_FIELDS) field?: string;
}

export class ReasonDto {
  @ApiProperty() @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
}
