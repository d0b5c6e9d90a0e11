import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { trimString } from '@app/core';
import { STATS_CITY, STATS_COUNTIES } from '../stats-place';
import { TARGET_METRICS, type TargetMetric } from './target-metrics';

export const TARGET_PLACES = [STATS_CITY, ...STATS_COUNTIES];

export class CreateTargetDto {
  @ApiProperty({ example: '技术合同成交额', description: '目标名称' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: TARGET_METRICS, description: '指标：平台统计的，或科技局填报的（年度值 / 累计值）' })
  @IsIn(TARGET_METRICS, { context: { message: `指标不正确（可选：${TARGET_METRICS.join('、')}）` } })
  metric!: TargetMetric;

  @ApiProperty({ enum: TARGET_PLACES, description: `地区：${STATS_CITY}或其县（市、区）` })
  @IsIn(TARGET_PLACES, { context: { message: `地区不正确（可选：${TARGET_PLACES.join('、')}）` } })
  place!: string;

  @ApiProperty({ type: 'integer', example: 2027, description: '目标年度' })
  @Type(() => Number)
  @IsInt({ context: { message: '目标年度必须是整数' } })
  @Min(2000, { context: { message: '目标年度不能早于 2000 年' } })
  @Max(2100, { context: { message: '目标年度不能晚于 2100 年' } })
  dueYear!: number;

  @ApiProperty({ example: 15_000_000_000, description: '目标值（按单位；金额为元）' })
  @IsNumber({ maxDecimalPlaces: 2 }, { context: { message: '目标值必须是数字（最多两位小数）' } })
  @Min(0.01, { context: { message: '目标值必须大于 0' } })
  @Max(1e15, { context: { message: '目标值过大，请核对单位' } })
  targetValue!: number;

  @ApiPropertyOptional({ example: '家', description: '单位（科技局填报的指标必填；平台统计的指标用其自身单位）' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(10)
  unit?: string;

  @ApiProperty({ example: '荆门市科技创新行动方案（2023—2027年）', description: '出自哪份规划文件' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  sourceDocument!: string;

  @ApiPropertyOptional({ description: '说明' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class UpdateTargetDto extends PartialType(CreateTargetDto) {}

export class ReportTargetValueDto {
  @ApiProperty({ type: 'integer', example: 2026, description: '年度' })
  @Type(() => Number)
  @IsInt({ context: { message: '年度必须是整数' } })
  @Min(2000, { context: { message: '年度不能早于 2000 年' } })
  @Max(2100, { context: { message: '年度不能晚于 2100 年' } })
  year!: number;

  @ApiProperty({ example: 612, description: '该年度的值（年度值或年末累计值）' })
  @IsNumber({ maxDecimalPlaces: 2 }, { context: { message: '值必须是数字（最多两位小数）' } })
  @Min(0, { context: { message: '值不能为负数' } })
  @Max(1e15, { context: { message: '值过大，请核对单位' } })
  value!: number;
}

export class TargetValueDto {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty() value!: number;
}

export class TargetProgressDto {
  @ApiProperty({ description: '目前的值（年度指标为当年截至今天的值；填报指标为最近一次填报的值）' }) valueSoFar!: number;
  @ApiProperty({ example: '2026年（截至12月2日）', description: '目前的值对应的时间' }) asOf!: string;
  @ApiProperty({ description: '完成比例（目前的值 ÷ 目标值，四位小数）' }) shareReached!: number;
  @ApiProperty({ type: Number, nullable: true, description: '速度（每年）：年度指标为按当年进度折算的全年值，累计指标为每年的增量' })
  runRate!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '按此速度达到目标的年份（已达到为今年；达不到为 null）' })
  yearReached!: number | null;
  @ApiProperty({ description: '按此速度能否在目标年度前达到' }) onTrack!: boolean;
}

export class TargetViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: TARGET_METRICS }) metric!: TargetMetric;
  @ApiProperty({ example: '技术合同成交额' }) metricLabel!: string;
  @ApiProperty({ enum: ['annual', 'stock'], description: 'annual 年度值 / stock 累计值' }) aggregation!: 'annual' | 'stock';
  @ApiProperty({ description: '指标口径' }) metricDescription!: string;
  @ApiProperty() place!: string;
  @ApiProperty({ type: 'integer' }) dueYear!: number;
  @ApiProperty() targetValue!: number;
  @ApiProperty() unit!: string;
  @ApiProperty() sourceDocument!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: [TargetValueDto], description: '科技局填报的各年度值（平台统计的指标为空）' }) reported!: TargetValueDto[];
  @ApiProperty({ type: TargetProgressDto }) progress!: TargetProgressDto;
}
