import { chinaDate, trimString } from '@app/core';
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidationArguments,
} from 'class-validator';
import { COOPERATION_MODES, INDUSTRY_FIELDS, MAX_YUAN, TEXT_LIMITS } from '../catalog.constants';
import { checkPatentNumber } from '../patent-number.util';
import { registrationNoProblem } from '../registration-no.util';

/** Trims strings (core's shared transform, under the name this library's DTOs use). */
export const trim = trimString;
const trimEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

export const FIELD_MESSAGE = `不在产业领域列表中（可选：${INDUSTRY_FIELDS.join('、')}）`;
export const MODE_MESSAGE = `含有未知的合作方式（可选：${COOPERATION_MODES.join('、')}）`;

/** Required, trimmed, non-empty text of at most `max` characters. */
export const RequiredText = (max: number): PropertyDecorator => applyDecorators(Transform(trim), IsString(), IsNotEmpty(), MaxLength(max));

/** Optional trimmed text of at most `max` characters. */
export const OptionalText = (max: number): PropertyDecorator => applyDecorators(IsOptional(), Transform(trim), IsString(), MaxLength(max));

export const IsIndustryField = (): PropertyDecorator => IsIn(INDUSTRY_FIELDS, { context: { message: FIELD_MESSAGE } });

/** An item's region obeys the region reference like an organization's (core's validator, under this library's DTOs' names). */
export { IsRegion, RegionFilter } from '@app/core';

export const IsTrl = (): PropertyDecorator =>
  applyDecorators(
    IsInt({ context: { message: '技术成熟度必须是 1–9 的整数' } }),
    Min(1, { context: { message: '技术成熟度必须是 1–9 的整数' } }),
    Max(9, { context: { message: '技术成熟度必须是 1–9 的整数' } }),
  );

/** Whole yuan, not negative. */
export const IsYuan = (): PropertyDecorator =>
  applyDecorators(
    IsInt({ context: { message: '金额必须是以元为单位的整数' } }),
    Min(0, { context: { message: '金额不能为负数' } }),
    Max(MAX_YUAN, { context: { message: '金额过大，请核对单位（元）' } }),
  );

export const IsKeywords = (): PropertyDecorator =>
  applyDecorators(
    Transform(trimEach),
    IsArray(),
    ArrayMaxSize(TEXT_LIMITS.keywords),
    ArrayUnique(),
    IsString({ each: true }),
    IsNotEmpty({ each: true, context: { message: '关键词不能为空' } }),
    MaxLength(TEXT_LIMITS.keyword, { each: true, context: { message: `每个关键词不能超过 ${TEXT_LIMITS.keyword} 个字符` } }),
  );

export const IsCooperationModes = (): PropertyDecorator =>
  applyDecorators(IsArray(), ArrayUnique(), IsIn(COOPERATION_MODES, { each: true, context: { message: MODE_MESSAGE } }));

/** Today's date in China (UTC+8), as YYYY-MM-DD. */
export function todayInChina(): string {
  return chinaDate(new Date());
}

export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** A calendar date YYYY-MM-DD, compared with today in China: 'future' (today or later) or 'past' (today or earlier). */
export function IsCalendarDate(when?: 'future' | 'past'): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (v: unknown) => isIsoDate(v) && (when === 'future' ? v >= todayInChina() : when === 'past' ? v <= todayInChina() : true),
        defaultMessage: (args: ValidationArguments) =>
          !isIsoDate(args.value) ? '不是有效的日期（格式 YYYY-MM-DD）' : when === 'future' ? '不能早于今天' : '不能晚于今天',
      },
    });
}

/**
 * A 技术合同登记号 in the national form (registration-no.util.ts); with `dateProperty`, its year is
 * that sibling date's year (the registration date).
 */
export function IsRegistrationNo(dateProperty?: string): PropertyDecorator {
  const problem = (args: ValidationArguments): string | null => {
    if (typeof args.value !== 'string') return '必须是文本';
    const on = dateProperty ? (args.object as Record<string, unknown>)[dateProperty] : undefined;
    return registrationNoProblem(args.value, todayInChina(), isIsoDate(on) ? on : undefined);
  };
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isRegistrationNo',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (_v: unknown, args: ValidationArguments) => problem(args) === null,
        defaultMessage: (args: ValidationArguments) => problem(args) ?? '格式不正确',
      },
    });
}

/** Every entry is a valid Chinese patent number; the message names the first bad one. */
export function IsPatentNumbers(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPatentNumbers',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (v: unknown) => Array.isArray(v) && v.every((n) => typeof n === 'string' && checkPatentNumber(n).ok),
        defaultMessage: (args: ValidationArguments) => {
          if (!Array.isArray(args.value)) return '必须是专利号数组';
          for (const n of args.value as unknown[]) {
            if (typeof n !== 'string') return '专利号必须是文本';
            const c = checkPatentNumber(n);
            if (!c.ok) return c.message;
          }
          return '专利号格式不正确';
        },
      },
    });
}

/** This number is not smaller than the sibling property (e.g. budget max ≥ budget min). */
export function NotLessThan(other: string, message: string): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'notLessThan',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [other],
      validator: {
        validate: (v: unknown, args: ValidationArguments) => {
          const o = (args.object as Record<string, unknown>)[other];
          return typeof v !== 'number' || typeof o !== 'number' || v >= o;
        },
        defaultMessage: () => message,
      },
    });
}

export const CONTACT_PHONE = /^[0-9+\- ()]{5,30}$/;
