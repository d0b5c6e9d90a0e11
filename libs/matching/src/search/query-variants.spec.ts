import { SynonymDictionary } from '../relevance';
import { queryVariants } from './query-variants';

describe('queryVariants', () => {
  const dict = new SynonymDictionary({
    version: 1,
    groups: [
      { terms: ['锂电池', '锂离子电池', '动力电池'] },
      { terms: ['聚乙烯', 'PE'], context: ['薄膜', '塑料'] },
      { terms: ['无人机', '无人驾驶航空器'] },
    ],
  });

  it('replaces an industry term by each of its synonyms, up to the limit', () => {
    expect(queryVariants(dict, '锂电池 回收')).toEqual(['锂离子电池 回收', '动力电池 回收']);
    expect(queryVariants(dict, '锂电池 无人机', 2)).toEqual(['锂离子电池 无人机', '锂电池 无人驾驶航空器']);
  });

  it('takes the most specific term first, and one synonym of each term before a second', () => {
    const d = new SynonymDictionary({
      version: 1,
      groups: [{ terms: ['无人机', '无人驾驶航空器', 'UAV'] }, { terms: ['植保无人机', '农用无人机'] }],
    });
    expect(queryVariants(d, '农用无人机 喷药')).toEqual(['植保无人机 喷药', '农用无人驾驶航空器 喷药', '农用uav 喷药']);
  });

  it('expands an ambiguous abbreviation only in its context, and as a whole word', () => {
    expect(queryVariants(dict, 'PE 管道')).toEqual([]);
    expect(queryVariants(dict, 'PE 薄膜')).toEqual(['聚乙烯 薄膜']);
    expect(queryVariants(dict, 'PEEK 塑料')).toEqual([]);
    // Only the whole word is rewritten, not the PE inside PET.
    expect(queryVariants(dict, 'PE 薄膜 PET')).toEqual(['聚乙烯 薄膜 pet']);
  });

  it('has no variant for a query without a listed term, or an empty one', () => {
    expect(queryVariants(dict, '智能制造')).toEqual([]);
    expect(queryVariants(dict, '   ')).toEqual([]);
  });
});
