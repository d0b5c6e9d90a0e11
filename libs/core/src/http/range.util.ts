import { ValidationFailedError } from '../errors/domain-error';

/** One range of a query: its two fields, their values and what the range is, in Chinese. */
export interface QueryRange {
  label: string;
  from: string;
  to: string;
  min: number | string | undefined;
  max: number | string | undefined;
}

/**
 * Refuses ranges whose lower end is above the upper end (a mistake to name, not an empty list):
 * one 400 naming the lower field of each, e.g. “技术成熟度下限不能大于上限”.
 */
export function refuseUpsideDownRanges(ranges: QueryRange[]): void {
  const bad = ranges.filter((r) => r.min !== undefined && r.max !== undefined && r.min > r.max);
  if (bad.length === 0) return;
  throw new ValidationFailedError(
    bad.map((r) => `${r.label}下限不能大于上限`).join('；'),
    bad.map((r) => ({ field: r.from, message: `不能大于 ${r.to}` })),
  );
}
