import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { TEXT_LIMITS } from '../catalog.constants';
import { ItemInputDto } from './item-common.dto';
import { IsCalendarDate, IsYuan, NotLessThan, RequiredText } from './validators';

export class CreateNeedDto extends ItemInputDto {
  @ApiProperty({ maxLength: TEXT_LIMITS.title, example: '磷石膏制备高强度建筑石膏粉的工艺优化' })
  @RequiredText(TEXT_LIMITS.title)
  title!: string;

  @ApiProperty({ maxLength: TEXT_LIMITS.description })
  @RequiredText(TEXT_LIMITS.description)
  description!: string;

  @ApiPropertyOptional({ description: '预算下限（元，整数）' })
  @IsOptional()
  @IsYuan()
  budgetMinYuan?: number;

  @ApiPropertyOptional({ description: '预算上限（元，整数，不小于下限）' })
  @IsOptional()
  @IsYuan()
  @NotLessThan('budgetMinYuan', '预算上限不能小于预算下限')
  budgetMaxYuan?: number;

  @ApiPropertyOptional({ example: '2027-06-30', description: '截止日期（YYYY-MM-DD，不能早于今天）' })
  @IsOptional()
  @IsCalendarDate('future')
  deadline?: string;
}

/** Changes to a draft or rejected need; only the fields sent change. */
export class UpdateNeedDto extends PartialType(CreateNeedDto) {}

/** The bureau's correction of a published need: the fields to change, and why. */
export class CorrectNeedDto extends UpdateNeedDto {
  @ApiProperty({ example: '产业领域更正为“磷化工”' })
  @RequiredText(TEXT_LIMITS.reason)
  reason!: string;
}
