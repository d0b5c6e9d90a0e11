import { SynonymDictionary, canTrigger, containsTerm } from './synonyms';

describe('SynonymDictionary', () => {
  const dict = new SynonymDictionary({
    version: 1,
    groups: [
      { terms: ['消石灰', '氢氧化钙', '熟石灰'] },
      { terms: ['NFC果汁', '非浓缩还原', 'NFC'], context: ['果汁', '橙汁'] },
      { terms: ['湖泊', '湖'] },
    ],
  });

  it('finds a term that starts outside the Basic Multilingual Plane, and keeps group order', () => {
    const rare = new SynonymDictionary({
      version: 1,
      groups: [{ terms: ['乙烯', 'PE原料'] }, { terms: ['𠮷野家', '吉野家'] }, { terms: ['聚乙烯', 'PE'] }],
    });
    expect(rare.expand('𠮷野家的聚乙烯餐盒').map((e) => [e.term, e.group])).toEqual([
      ['pe原料', 0],
      ['吉野家', 1],
      ['pe', 2],
    ]);
  });

  it('expands in both directions', () => {
    expect(dict.expand('消石灰粉体').map((e) => e.term)).toEqual(['氢氧化钙', '熟石灰']);
    expect(dict.expand('氢氧化钙的表面能').map((e) => e.term)).toEqual(['消石灰', '熟石灰']);
    expect(dict.expand('氢氧化钙')[0]?.trigger).toBe('氢氧化钙');
  });

  it('applies a group with context only when the context is present', () => {
    expect(dict.expand('NFC芯片天线')).toEqual([]);
    expect(dict.expand('NFC橙汁杀菌').map((e) => e.term)).toContain('非浓缩还原');
  });

  it('matches ASCII terms as whole words only', () => {
    expect(containsTerm('nfc橙汁', 'nfc')).toBe(true);
    expect(containsTerm('nfcx橙汁', 'nfc')).toBe(false);
    expect(containsTerm('pef杀菌', 'pe')).toBe(false);
  });

  it('never lets a single character trigger (湖 would fire on 湖北)', () => {
    expect(canTrigger('湖')).toBe(false);
    expect(dict.expand('湖北某企业')).toEqual([]);
  });

  it('loads the shipped data file with groups for the seed industries', () => {
    const shipped = SynonymDictionary.default();
    expect(shipped.size).toBeGreaterThan(300);
    expect(shipped.expand('磷石膏综合利用').map((e) => e.term)).toContain('磷化工副产石膏');
    expect(shipped.expand('无人机巡检').map((e) => e.term)).toContain('无人驾驶航空器');
    expect(shipped.expand('动力电池回收').map((e) => e.term)).toContain('动力锂电池');
  });
});
