import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '@app/catalog';
import { IdParamDto, trimString } from '@app/core';

export class AssignExpertsDto {
  @ApiProperty({ type: [String], description: '专家库中的用户（至少 3 位）' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true })
  userIds!: string[];
}

/** `challenges/:id/experts/:userId`. */
export class ChallengeExpertParamDto extends IdParamDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { context: { message: '不是有效的编号' } }) userId!: string;
}

export class ConflictDto {
  @ApiProperty() @IsUUID() proposalId!: string;
  @ApiProperty({ example: '曾与申报团队合作发表论文' }) @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
}

export class CriterionScoreDto {
  @ApiProperty({ example: 'tech' }) @IsString() @IsNotEmpty() @MaxLength(31) criterion!: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) @IsNumber({ maxDecimalPlaces: 1 }) @Min(0) @Max(100) score!: number;
  @ApiPropertyOptional() @IsOptional() @Transform(trimString) @IsString() @MaxLength(2000) comment?: string;
}

export class ReviewDto {
  @ApiProperty({ type: [CriterionScoreDto], description: '每项评审标准的得分（0–100）及意见' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreDto)
  scores!: CriterionScoreDto[];
}

/** Submitting sends the scores, or nothing to submit the saved draft as it is. */
export class SubmitReviewDto {
  @ApiPropertyOptional({ type: [CriterionScoreDto], description: '每项评审标准的得分；不填则提交已保存的草稿' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreDto)
  scores?: CriterionScoreDto[];
}

export class MilestonePlanDto {
  @ApiProperty() @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(100) title!: string;
  @ApiProperty() @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(1000) deliverable!: string;
  @ApiProperty({ example: '2027-06-30', description: '到期日（YYYY-MM-DD，不能早于今天）' }) @IsCalendarDate('future') dueDate!: string;
  @ApiProperty({ description: '拨付比例（%），全部里程碑之和为 100' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(100)
  sharePct!: number;
}

export class WinnerDto {
  @ApiProperty() @IsUUID() proposalId!: string;
  @ApiProperty({ description: '核定经费（元，整数）' }) @IsInt() @Min(1) @Max(10_000_000_000) budgetYuan!: number;
  @ApiProperty({ type: [MilestonePlanDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => MilestonePlanDto)
  milestones!: MilestonePlanDto[];
}

export class AwardDto {
  @ApiProperty({ type: [WinnerDto], description: '中榜单位（可多家并行，赛马制）' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => WinnerDto)
  winners!: WinnerDto[];
}

export class ObjectionDto {
  @ApiProperty() @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(3000) text!: string;
}

export class AnswerDto {
  @ApiProperty() @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(3000) answer!: string;
}

export class EvidenceDto {
  @ApiProperty({ description: '完成情况与佐证材料说明' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  evidence!: string;
}

export class ObjectionParamsDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id!: string;
}
