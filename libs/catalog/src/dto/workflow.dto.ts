import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { TEXT_LIMITS } from '../catalog.constants';
import { AdoptionFilterDto } from './adoption.dto';
import { ItemFilterDto } from './item-query.dto';
import { OptionalText, RequiredText } from './validators';

export class RejectItemDto {
  @ApiProperty({ example: '需求描述缺少量化指标，请补充后重新提交' })
  @RequiredText(TEXT_LIMITS.reason)
  reason!: string;
}

export class CloseItemDto {
  @ApiPropertyOptional({ example: '需求已解决' })
  @OptionalText(TEXT_LIMITS.reason)
  reason?: string;
}

export const SHEET_FORMATS = ['xlsx', 'csv'] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

export class SheetFormatQueryDto {
  @ApiPropertyOptional({ enum: SHEET_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(SHEET_FORMATS)
  format: SheetFormat = 'xlsx';
}

export class ImportQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: '试导入：只检查、不写入', default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value,
  )
  @IsIn([true, false], { context: { message: '必须是 true 或 false' } })
  dryRun: boolean = false;
}

export class ItemExportQueryDto extends IntersectionType(ItemFilterDto, SheetFormatQueryDto) {}

export class AdoptionExportQueryDto extends IntersectionType(AdoptionFilterDto, SheetFormatQueryDto) {}
