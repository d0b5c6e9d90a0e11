import { ValidationFailedError } from '@app/core';
import { resolveScope } from './stats-scope';

const today = '2026-12-02';
const fieldOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof ValidationFailedError ? e.details?.[0]?.field : 'not a 400';
  }
  return undefined;
};

describe('stats scope', () => {
  it('turns a year, quarter, month or range into Beijing days and moments', () => {
    const q = resolveScope({ year: 2025, quarter: 2 }, today);
    expect([q.fromDate, q.toDate, q.periodLabel]).toEqual(['2025-04-01', '2025-06-30', '2025年第2季度']);
    expect(q.startAt.toISOString()).toBe('2025-03-31T16:00:00.000Z');
    expect(q.endAt.toISOString()).toBe('2025-06-30T16:00:00.000Z');
    expect(resolveScope({ year: 2024, month: 2 }, today).toDate).toBe('2024-02-29');
    expect(resolveScope({}, today).periodLabel).toBe('2026年');
    expect(resolveScope({ from: '2026-11-01' }, today).toDate).toBe(today);
    expect(resolveScope({ county: '钟祥市' }, today)).toEqual(expect.objectContaining({ regions: ['钟祥市'], placeLabel: '荆门市钟祥市' }));
    expect(resolveScope({}, today).regions).toEqual(['荆门市', '东宝区', '掇刀区', '京山市', '沙洋县', '钟祥市']);
  });

  it('names the parameter of a period that cannot be', () => {
    expect(fieldOf(() => resolveScope({ quarter: 1 }, today))).toBe('quarter');
    expect(fieldOf(() => resolveScope({ year: 2026, quarter: 1, month: 1 }, today))).toBe('month');
    expect(fieldOf(() => resolveScope({ year: 2026, from: '2026-01-01' }, today))).toBe('year');
    expect(fieldOf(() => resolveScope({ to: '2026-01-01' }, today))).toBe('from');
    expect(fieldOf(() => resolveScope({ from: '2026-05-01', to: '2026-04-01' }, today))).toBe('from');
    expect(fieldOf(() => resolveScope({ year: 2027 }, today))).toBe('year');
    expect(fieldOf(() => resolveScope({ from: '2026-12-03', to: '2026-12-31' }, today))).toBe('from');
    expect(fieldOf(() => resolveScope({ year: 2026, month: 12 }, today))).toBeUndefined();
  });
});
