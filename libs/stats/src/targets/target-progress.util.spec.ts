import { progressOf } from './target-progress.util';

describe('target progress', () => {
  it('projects an annual target from this year’s pace and its growth over last year', () => {
    // Half the year gone, 40 so far: 80 a year; last year 40, so ×2 a year: 160 next year, 320 the year after.
    expect(progressOf({ aggregation: 'annual', current: 40, elapsed: 0.5, previous: 40, year: 2026 }, 300)).toEqual({
      valueSoFar: 40,
      shareReached: 0.1333,
      runRate: 80,
      yearReached: 2028,
    });
    expect(progressOf({ aggregation: 'annual', current: 60, elapsed: 0.5, previous: 10, year: 2026 }, 100).yearReached).toBe(2026);
    // No growth, or nothing to grow from: never at this rate.
    expect(progressOf({ aggregation: 'annual', current: 10, elapsed: 1, previous: 20, year: 2026 }, 100).yearReached).toBeNull();
    expect(progressOf({ aggregation: 'annual', current: 10, elapsed: 1, previous: null, year: 2026 }, 100).yearReached).toBeNull();
  });

  it('projects a stock target from its increase per year', () => {
    // 420 at the end of 2024, 120 a year: 1,000 after 4.83 more years, in 2029.
    expect(progressOf({ aggregation: 'stock', current: 420, earlier: 300, years: 1, year: 2024, elapsed: 1 }, 1000)).toEqual({
      valueSoFar: 420,
      shareReached: 0.42,
      runRate: 120,
      yearReached: 2029,
    });
    // Exactly at the turn of a year counts for the year that ends.
    expect(progressOf({ aggregation: 'stock', current: 400, earlier: 300, years: 1, year: 2024, elapsed: 1 }, 500).yearReached).toBe(2025);
    expect(progressOf({ aggregation: 'stock', current: 1200, earlier: 1300, years: 1, year: 2026, elapsed: 0.5 }, 1000).yearReached).toBe(
      2026,
    );
    expect(
      progressOf({ aggregation: 'stock', current: 100, earlier: 120, years: 1, year: 2026, elapsed: 0.5 }, 1000).yearReached,
    ).toBeNull();
  });
});
