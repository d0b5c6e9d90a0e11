import { RowContext, splitList } from './row-context';

const ctx = (cells: Record<string, string>): RowContext => {
  const headers = Object.keys(cells);
  return new RowContext(7, Object.values(cells), new Map(headers.map((h, i) => [h, i])));
};

describe('RowContext', () => {
  it('splits list cells on Chinese and ASCII separators', () => {
    expect(splitList(' 磷石膏；建筑石膏;改性、综合利用，a ')).toEqual(['磷石膏', '建筑石膏', '改性', '综合利用', 'a']);
  });

  it('reads dates in common spreadsheet spellings, amounts in yuan as fen, and reports bad ones with row and column', () => {
    const c = ctx({ 日期: '2027/3/5', 坏日期: '2027-02-30', 金额: '12.5', 负数: '-1', 整数: '1,200' });
    expect(c.date('日期', null)).toBe('2027-03-05');
    expect(c.date('坏日期', null)).toBeNull();
    expect(c.fen('金额')).toBeNull();
    expect(c.fen('负数')).toBeNull();
    expect(c.fen('整数')).toBe(120_000);
    expect(c.problems).toEqual([
      { row: 7, column: '坏日期', message: expect.stringContaining('不是有效的日期') },
      { row: 7, column: '金额', message: expect.stringContaining('整数') },
      { row: 7, column: '负数', message: expect.stringContaining('整数') },
    ]);
  });

  it('checks allowed values, lengths and required cells', () => {
    const c = ctx({ 方式: '技术转让；包办', 名称: '' });
    expect(c.list('方式', 6, 10, ['技术转让', '技术许可'])).toEqual(['技术转让', '包办']);
    expect(c.text('名称', 10, true)).toBeNull();
    expect(c.problems.map((p) => p.column)).toEqual(['方式', '名称']);
  });
});
