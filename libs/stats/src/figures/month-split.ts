/** A period [from, to] (Beijing days, inclusive) as the monthly rollup and the rows read it. */
export interface MonthSplit {
  /** Whole months inside the period: [wholeFrom, wholeTo), first days of months (YYYY-MM-DD). */
  wholeFrom: string;
  wholeTo: string;
  /** The days of the period outside whole months, at most two ranges [from, to) of days. */
  partial: [string, string][];
  /** The days of the period's last month up to its end, [first of that month, end): what the rollup's months before it miss of "before the end". */
  tail: [string, string] | null;
}

const addDays = (d: string, n: number): string => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const monthOf = (d: string): string => `${d.slice(0, 7)}-01`;
const nextMonth = (m: string): string => {
  const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
  return mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
};

/**
 * Splits a period for the rollup: whole months are summed from stats_item_month, the days at its
 * edges counted from the rows. A period of whole months (a year, a quarter, a month) has no edges.
 */
export function splitByMonth(fromDate: string, toDate: string): MonthSplit {
  const end = addDays(toDate, 1);
  const startMonth = monthOf(fromDate);
  const wholeFrom = fromDate === startMonth ? startMonth : nextMonth(startMonth);
  const wholeTo = monthOf(end);
  const tail: [string, string] | null = wholeTo < end ? [wholeTo, end] : null;
  if (wholeFrom > wholeTo) return { wholeFrom: wholeTo, wholeTo, partial: [[fromDate, end]], tail };
  const partial = (
    [
      [fromDate, wholeFrom],
      [wholeTo, end],
    ] as [string, string][]
  ).filter(([a, b]) => a < b);
  return { wholeFrom, wholeTo, partial, tail };
}
