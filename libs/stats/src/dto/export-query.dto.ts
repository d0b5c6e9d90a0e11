import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayUnique, IsArray, IsIn, IsOptional } from 'class-validator';
import { FIGURE_SHEETS, type FigureSheet } from '../export/stats-workbook';
import { StatsQueryDto } from '../stats-scope';

class FigureChoiceDto {
  @ApiPropertyOptional({
    enum: FIGURE_SHEETS,
    isArray: true,
    description:
      '导出哪些统计（逗号分隔或重复参数；不填为全部）：lists 三张清单、funnel 对接漏斗、contracts 技术合同、challenges 揭榜挂帅、organizations 单位、targets 目标进度',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()) : value))
  @IsArray()
  @ArrayUnique()
  @IsIn(FIGURE_SHEETS, { each: true, context: { message: `含有未知的统计项（可选：${FIGURE_SHEETS.join('、')}）` } })
  figures?: FigureSheet[];
}

export class StatsExportQueryDto extends IntersectionType(StatsQueryDto, FigureChoiceDto) {}
