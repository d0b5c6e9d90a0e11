import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsBoolean, IsOptional } from 'class-validator';
import { TEXT_LIMITS } from '../catalog.constants';
import { ItemInputDto } from './item-common.dto';
import { IsPatentNumbers, IsYuan, OptionalText, RequiredText } from './validators';

export class CreateResultDto extends ItemInputDto {
  @ApiProperty({ maxLength: TEXT_LIMITS.title })
  @RequiredText(TEXT_LIMITS.title)
  title!: string;

  @ApiProperty({ maxLength: TEXT_LIMITS.description, description: '成果简介' })
  @RequiredText(TEXT_LIMITS.description)
  summary!: string;

  @ApiPropertyOptional({ type: [String], example: ['CN202310123456.6', 'CN216123456U'], description: '专利申请号或公开号' })
  @IsOptional()
  @ArrayMaxSize(TEXT_LIMITS.patents)
  @IsPatentNumbers()
  patentNumbers?: string[];

  @ApiPropertyOptional({ description: '转让价格（元，整数）；面议时不填并设 priceNegotiable' })
  @IsOptional()
  @IsYuan()
  askingPriceYuan?: number;

  @ApiPropertyOptional({ description: '价格面议' })
  @IsOptional()
  @IsBoolean()
  priceNegotiable?: boolean;

  @ApiPropertyOptional({ description: '团队负责人' })
  @OptionalText(TEXT_LIMITS.name)
  teamLead?: string;
}

export class UpdateResultDto extends PartialType(CreateResultDto) {}

/** The bureau's correction of a published result: the fields to change, and why. */
export class CorrectResultDto extends UpdateResultDto {
  @ApiProperty({ example: '专利号更正' })
  @RequiredText(TEXT_LIMITS.reason)
  reason!: string;
}
