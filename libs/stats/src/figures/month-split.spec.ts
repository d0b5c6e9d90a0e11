import { splitByMonth } from './month-split';

describe('splitting a period by month', () => {
  it('leaves no edges for a year, a quarter or a month', () => {
    expect(splitByMonth('2025-01-01', '2025-12-31')).toEqual({ wholeFrom: '2025-01-01', wholeTo: '2026-01-01', partial: [], tail: null });
    expect(splitByMonth('2025-04-01', '2025-06-30')).toEqual({ wholeFrom: '2025-04-01', wholeTo: '2025-07-01', partial: [], tail: null });
  });

  it('counts the days at the edges from the rows', () => {
    expect(splitByMonth('2025-01-15', '2025-03-10')).toEqual({
      wholeFrom: '2025-02-01',
      wholeTo: '2025-03-01',
      partial: [
        ['2025-01-15', '2025-02-01'],
        ['2025-03-01', '2025-03-11'],
      ],
      tail: ['2025-03-01', '2025-03-11'],
    });
    // Within one month: no whole month, the period itself is the edge.
    expect(splitByMonth('2025-01-15', '2025-01-20')).toEqual({
      wholeFrom: '2025-01-01',
      wholeTo: '2025-01-01',
      partial: [['2025-01-15', '2025-01-21']],
      tail: ['2025-01-01', '2025-01-21'],
    });
    // Across a month end without a whole month.
    expect(splitByMonth('2025-01-15', '2025-02-09')).toEqual({
      wholeFrom: '2025-02-01',
      wholeTo: '2025-02-01',
      partial: [
        ['2025-01-15', '2025-02-01'],
        ['2025-02-01', '2025-02-10'],
      ],
      tail: ['2025-02-01', '2025-02-10'],
    });
    expect(splitByMonth('2025-12-31', '2025-12-31').partial).toEqual([['2025-12-31', '2026-01-01']]);
  });
});
