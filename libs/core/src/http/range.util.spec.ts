import { ValidationFailedError } from '../errors/domain-error';
import { refuseUpsideDownRanges } from './range.util';

describe('refuseUpsideDownRanges', () => {
  it('names the lower field of every upside-down range, in Chinese', () => {
    let error: ValidationFailedError | undefined;
    try {
      refuseUpsideDownRanges([
        { label: '技术成熟度', from: 'trlMin', to: 'trlMax', min: 9, max: 1 },
        { label: '发布日期', from: 'publishedFrom', to: 'publishedTo', min: '2026-02-01', max: '2026-01-01' },
        { label: '价格', from: 'priceMinYuan', to: 'priceMaxYuan', min: 5, max: undefined },
      ]);
    } catch (e) {
      error = e as ValidationFailedError;
    }
    expect(error?.message).toBe('技术成熟度下限不能大于上限；发布日期下限不能大于上限');
    expect(error?.details?.map((d) => d.field)).toEqual(['trlMin', 'publishedFrom']);
  });

  it('lets equal ends and open ranges through', () => {
    expect(() => refuseUpsideDownRanges([{ label: '技术成熟度', from: 'trlMin', to: 'trlMax', min: 5, max: 5 }])).not.toThrow();
    expect(() => refuseUpsideDownRanges([{ label: '价格', from: 'a', to: 'b', min: undefined, max: 3 }])).not.toThrow();
  });
});
