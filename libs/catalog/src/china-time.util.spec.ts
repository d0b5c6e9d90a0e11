import { chinaDateTime } from './china-time.util';

describe('chinaDateTime', () => {
  it('writes Beijing time, across the date line of UTC', () => {
    expect(chinaDateTime(new Date('2026-11-28T21:45:48Z'))).toBe('2026-11-29 05:45:48');
    expect(chinaDateTime(new Date('2026-01-01T00:00:00Z'))).toBe('2026-01-01 08:00:00');
  });
});
