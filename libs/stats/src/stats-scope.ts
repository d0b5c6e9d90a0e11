import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCalendarDate, INDUSTRY_FIELDS } from '@app/catalog';
import { CHINA_UTC_OFFSET_MS, ErrorDetail, ValidationFailedError } from '@app/core';
import { STATS_CITY, STATS_COUNTIES, placeRegions } from './stats-place';

const FIELD_MESSAGE = `不在产业领域列表中（可选：${INDUSTRY_FIELDS.join('、')}）`;
const COUNTY_MESSAGE = `不是${STATS_CITY}的县（市、区）（可选：${STATS_COUNTIES.join('、')}；不填为全市）`;

/**
 * The period and place of a figure. Period: `year` (with `quarter` or `month`), or `from`–`to`
 * (dates, inclusive), Beijing time; none: this year. Place: the city with its counties, or one
 * `county`. `field` narrows figures that have an industry field.
 */
export class StatsQueryDto {
  @ApiPropertyOptional({ type: 'integer', example: 2026, description: '年度（北京时间）；与 from/to 二选一；都不填为今年' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ context: { message: '年度必须是整数，如 2026' } })
  @Min(2000, { context: { message: '年度不能早于 2000 年' } })
  @Max(2100, { context: { message: '年度不能晚于 2100 年' } })
  year?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 4, description: '季度（须同时给出 year）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ context: { message: '季度必须是 1–4 的整数' } })
  @Min(1, { context: { message: '季度必须是 1–4 的整数' } })
  @Max(4, { context: { message: '季度必须是 1–4 的整数' } })
  quarter?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 12, description: '月份（须同时给出 year）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ context: { message: '月份必须是 1–12 的整数' } })
  @Min(1, { context: { message: '月份必须是 1–12 的整数' } })
  @Max(12, { context: { message: '月份必须是 1–12 的整数' } })
  month?: number;

  @ApiPropertyOptional({ example: '2026-01-01', description: '起始日期（含，北京时间）' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-06-30', description: '截止日期（含；不填为今天）' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ enum: STATS_COUNTIES, description: `县（市、区）；不填为${STATS_CITY}全市（含各县市区）` })
  @IsOptional()
  @IsIn(STATS_COUNTIES, { context: { message: COUNTY_MESSAGE } })
  county?: string;

  @ApiPropertyOptional({ enum: INDUSTRY_FIELDS, description: '产业领域（有领域的统计项按此筛选）' })
  @IsOptional()
  @IsIn(INDUSTRY_FIELDS, { context: { message: FIELD_MESSAGE } })
  field?: string;
}

/** A validated period and place, as the SQL of every figure reads them. */
export interface StatsScope {
  /** First and last day, inclusive (YYYY-MM-DD, Beijing). */
  fromDate: string;
  toDate: string;
  /** The same period as moments: [startAt, endAt). */
  startAt: Date;
  endAt: Date;
  periodLabel: string;
  county: string | null;
  /** The regions the place covers (region = ANY(regions)). */
  regions: string[];
  placeLabel: string;
  field: string | null;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** Beijing midnight at the start of a day. */
export const chinaMidnight = (date: string): Date => new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_UTC_OFFSET_MS);
const nextDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function refuse(details: ErrorDetail[]): never {
  throw new ValidationFailedError(`请求参数有误：${details.map((d) => `${d.field} ${d.message}`).join('；')}`, details);
}

/**
 * Turns the query into a scope, or a 400 naming the parameter: quarter or month without a year,
 * both at once, a year with a date range, a range upside down, a period that lies wholly in the
 * future (nothing can have happened in it yet).
 */
export function resolveScope(q: StatsQueryDto, today: string): StatsScope {
  const thisYear = Number(today.slice(0, 4));
  let fromDate: string;
  let toDate: string;
  let periodLabel: string;
  if (q.from !== undefined || q.to !== undefined) {
    const mixed = (['year', 'quarter', 'month'] as const).filter((k) => q[k] !== undefined);
    if (mixed.length) refuse(mixed.map((field) => ({ field, message: '不能与 from/to 同时使用（按年度或按起止日期二选一）' })));
    if (q.from === undefined) refuse([{ field: 'from', message: '给出截止日期 to 时须同时给出起始日期 from' }]);
    fromDate = q.from;
    toDate = q.to ?? today;
    if (fromDate > toDate) refuse([{ field: 'from', message: `起始日期不能晚于截止日期 ${toDate}` }]);
    if (fromDate > today) refuse([{ field: 'from', message: '统计期间全部在未来，尚无数据' }]);
    periodLabel = `${fromDate} 至 ${toDate}`;
  } else {
    if (q.quarter !== undefined && q.month !== undefined) refuse([{ field: 'month', message: '不能与 quarter 同时使用' }]);
    for (const k of ['quarter', 'month'] as const)
      if (q[k] !== undefined && q.year === undefined) refuse([{ field: k, message: `须同时给出年度 year` }]);
    const year = q.year ?? thisYear;
    if (year > thisYear) refuse([{ field: 'year', message: `统计期间全部在未来（今年是 ${thisYear} 年），尚无数据` }]);
    if (q.quarter !== undefined) {
      const m = (q.quarter - 1) * 3 + 1;
      fromDate = `${year}-${pad(m)}-01`;
      toDate = `${year}-${pad(m + 2)}-${pad(lastDay(year, m + 2))}`;
      periodLabel = `${year}年第${q.quarter}季度`;
    } else if (q.month !== undefined) {
      fromDate = `${year}-${pad(q.month)}-01`;
      toDate = `${year}-${pad(q.month)}-${pad(lastDay(year, q.month))}`;
      periodLabel = `${year}年${q.month}月`;
    } else {
      fromDate = `${year}-01-01`;
      toDate = `${year}-12-31`;
      periodLabel = `${year}年`;
    }
    if (fromDate > today) refuse([{ field: q.quarter !== undefined ? 'quarter' : 'month', message: '统计期间全部在未来，尚无数据' }]);
  }
  const county = q.county ?? null;
  return {
    fromDate,
    toDate,
    startAt: chinaMidnight(fromDate),
    endAt: chinaMidnight(nextDay(toDate)),
    periodLabel,
    county,
    regions: placeRegions(county),
    placeLabel: county ? `${STATS_CITY}${county}` : `${STATS_CITY}（含各县市区）`,
    field: q.field ?? null,
  };
}

/** Figures without an industry field refuse one rather than ignore it. */
export function refuseField(scope: StatsScope, figure: string): void {
  if (scope.field) refuse([{ field: 'field', message: `${figure}不按产业领域统计，请去掉该参数` }]);
}
