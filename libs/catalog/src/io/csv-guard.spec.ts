import { guardCsvCell, unguardCsvCell } from './sheet-io';

describe('CSV formula guard', () => {
  it('prefixes text a spreadsheet would run as a formula, and only that', () => {
    for (const c of ['=1+1', '+86 13800000000', '-2+3', '@SUM(A1)', '\t=x', '\r=x']) expect(guardCsvCell(c)).toBe(`'${c}`);
    for (const c of ['磷石膏', '2026-01-01', "'plain", '']) expect(guardCsvCell(c)).toBe(c);
    expect(guardCsvCell(12)).toBe(12);
    expect(guardCsvCell(-5)).toBe(-5);
    expect(guardCsvCell(null)).toBeNull();
  });

  it('reads every guarded cell back as it was', () => {
    for (const c of ['=1+1', '+86 13800000000', '-2+3', '@SUM(A1)', "'=already quoted", "'plain", '磷石膏']) {
      expect(unguardCsvCell(String(guardCsvCell(c)))).toBe(c);
    }
  });
});
