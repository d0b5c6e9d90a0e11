/** What progress toward a target is computed from. */
export type ProgressInput =
  | {
      aggregation: 'annual';
      /** This year's value so far, and the share of the year elapsed (0–1]; 1 for a reported full year. */
      current: number;
      elapsed: number;
      /** Last year's whole value (null when unknown). */
      previous: number | null;
      /** The year `current` belongs to. */
      year: number;
    }
  | {
      aggregation: 'stock';
      /** The level now (or at the latest report). */
      current: number;
      /** The level `years` earlier (null when unknown). */
      earlier: number | null;
      years: number;
      /** The year `current` belongs to, and the day of that year it is measured on (0–1]. */
      year: number;
      elapsed: number;
    };

export interface Progress {
  valueSoFar: number;
  /** valueSoFar ÷ target (four places). */
  shareReached: number;
  /** Per year: annual targets, this year's value at this year's pace; stock targets, the increase per year. */
  runRate: number | null;
  /** When the target is reached at that rate (the current year when it already is), or null if never. */
  yearReached: number | null;
}

const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;
const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Progress toward `target`. An annual target (成交额 150 亿元 a year) is reached in the year whose
 * value reaches it: this year's pace, grown each year by this year's growth over last year. A stock
 * target (1,000 家) is reached when the level, rising by the run rate per year, gets there.
 */
export function progressOf(input: ProgressInput, target: number): Progress {
  const share = target > 0 ? round4(input.current / target) : 1;
  if (input.aggregation === 'annual') {
    const rate = input.elapsed > 0 ? input.current / input.elapsed : null;
    let yearReached: number | null = null;
    if (rate !== null && rate >= target) yearReached = input.year;
    else if (rate !== null && rate > 0 && input.previous && rate > input.previous) {
      const growth = rate / input.previous;
      yearReached = input.year + Math.ceil(Math.log(target / rate) / Math.log(growth));
    }
    return { valueSoFar: input.current, shareReached: share, runRate: rate === null ? null : round2(rate), yearReached };
  }
  const rate = input.earlier === null || input.years <= 0 ? null : (input.current - input.earlier) / input.years;
  let yearReached: number | null = null;
  if (input.current >= target) yearReached = input.year;
  else if (rate !== null && rate > 0) yearReached = Math.floor(input.year + input.elapsed + (target - input.current) / rate - 1e-9);
  return { valueSoFar: input.current, shareReached: share, runRate: rate === null ? null : round2(rate), yearReached };
}
