import { fenToYuan, yuanToFen } from './money';

describe('money', () => {
  it('converts both ways, keeping null as null', () => {
    expect(yuanToFen(800000)).toBe(80000000);
    expect(fenToYuan(80000000)).toBe(800000);
    expect(fenToYuan('12345')).toBe(123.45);
    expect(yuanToFen(null)).toBeNull();
    expect(fenToYuan(undefined)).toBeNull();
  });

  it('gives whole fen for yuan with cents (no 0.1 + 0.2 drift)', () => {
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
  });
});
