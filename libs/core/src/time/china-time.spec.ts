import { chinaDate, chinaDateTime, chineseDate } from './china-time';

describe('Beijing time', () => {
  it('writes date-times across the date line of UTC', () => {
    expect(chinaDateTime(new Date('2026-11-28T21:45:48Z'))).toBe('2026-11-29 05:45:48');
    expect(chinaDateTime(new Date('2026-01-01T00:00:00Z'))).toBe('2026-01-01 08:00:00');
  });

  it('names the Beijing day of a moment, which is the next UTC day from 16:00 UTC', () => {
    expect(chinaDate(new Date('2026-12-01T15:59:59Z'))).toBe('2026-12-01');
    expect(chinaDate(new Date('2026-12-01T16:00:00Z'))).toBe('2026-12-02');
    expect(chineseDate(new Date('2026-12-01T16:00:00Z'))).toBe('2026年12月2日');
    expect(chineseDate(new Date(NaN))).toBe('');
  });
});
