import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { trimString } from '@app/core';

export class TeamMemberDto {
  @ApiProperty() @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trimString) @IsString() @MaxLength(50) title?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trimString) @IsString() @MaxLength(100) role?: string;
}

export class CommitmentDto {
  @ApiProperty({ description: '对应榜单目标的序号（从 0 开始）' }) @IsInt() @Min(0) @Max(19) objectiveIndex!: number;
  @ApiProperty({ example: '≥320 Wh/kg' }) @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(100) value!: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trimString) @IsString() @MaxLength(500) note?: string;
}

export class SchedulePhaseDto {
  @ApiProperty() @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(100) phase!: string;
  @ApiProperty() @IsInt() @Min(1) @Max(120) months!: number;
  @ApiProperty() @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(500) deliverable!: string;
}

export class CreateProposalDto {
  @ApiPropertyOptional({ type: [String], description: '联合体成员单位（牵头单位为本单位）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  partnerOrganizationIds?: string[];

  @ApiProperty({ description: '挂帅人' }) @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(50) leaderName!: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trimString) @IsString() @MaxLength(50) leaderTitle?: string;

  @ApiPropertyOptional({ type: [TeamMemberDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TeamMemberDto)
  team?: TeamMemberDto[];

  @ApiProperty({ description: '技术路线' }) @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(10000) approach!: string;

  @ApiPropertyOptional({ type: [CommitmentDto], description: '对每项目标的承诺' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CommitmentDto)
  commitments?: CommitmentDto[];

  @ApiProperty({ description: '申请经费（元，整数，不超过榜单财政资金上限）' })
  @IsInt()
  @Min(1)
  @Max(10_000_000_000)
  requestedBudgetYuan!: number;

  @ApiPropertyOptional({ type: [SchedulePhaseDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SchedulePhaseDto)
  schedule?: SchedulePhaseDto[];
}

export class UpdateProposalDto extends PartialType(CreateProposalDto) {}

export class EligibilityDto {
  @ApiProperty({ description: 'true 为形式审查通过（入围评审），false 为不符合条件' }) @IsBoolean() eligible!: boolean;
  @ApiPropertyOptional({ description: '不符合条件时必填' })
  @ValidateIf((o: EligibilityDto) => o.eligible === false || o.reason !== undefined)
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason?: string;
}

export class AttachmentQueryDto {
  @ApiProperty({ example: '技术方案.pdf' }) @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(200) filename!: string;
}

export class AttachmentParamsDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { context: { message: '不是有效的编号' } }) id!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { context: { message: '不是有效的编号' } }) attachmentId!: string;
}
