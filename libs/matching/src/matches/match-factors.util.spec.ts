import type { MatchableItem } from '@app/catalog';
import { combinedScore, factorValues, regionFactor, structuredFactors } from './match-factors.util';

const base: MatchableItem = {
  type: 'need',
  id: 'n',
  organizationId: 'o1',
  organizationName: null,
  organizationKind: 'enterprise',
  status: 'published',
  title: 't',
  keywords: [],
  body: '',
  field: '新材料',
  trl: 6,
  cooperationModes: ['技术转让', '合作开发'],
  region: '荆门市',
  budgetMinFen: null,
  budgetMaxFen: 50_000_000,
  priceFen: null,
  priceNegotiable: false,
  publishedAt: null,
  updatedAt: new Date(0),
};

describe('structured match factors', () => {
  const result = {
    ...base,
    type: 'result' as const,
    id: 'r',
    organizationId: 'o2',
    trl: 7,
    priceFen: 30_000_000,
    region: '荆州市',
    cooperationModes: ['技术转让'],
  };

  it('reads field, TRL, price, modes and neighbouring region', () => {
    expect(structuredFactors(base, result)).toEqual({
      sameField: true,
      trlMeetsNeed: true,
      priceWithinBudget: true,
      commonModes: ['技术转让'],
      region: 'neighbour',
    });
  });

  it('counts 面议 as half and leaves unknown factors out', () => {
    const r = { ...result, priceFen: null, priceNegotiable: true, trl: null, region: '北京市' };
    const f = structuredFactors(base, r);
    expect(f.priceWithinBudget).toBe('negotiable');
    expect(f.trlMeetsNeed).toBeNull();
    expect(factorValues(f, base, r)).toEqual([1, 0.5, 1, 0]);
  });

  it('compares regions at city level: a county is its prefecture', () => {
    expect(structuredFactors({ ...base, region: '钟祥市' }, result).region).toBe('neighbour');
    expect(structuredFactors({ ...base, region: '钟祥市' }, { ...result, region: '荆门市' }).region).toBe('same');
    expect(regionFactor('荆门市', '东宝区')).toBe('same');
    expect(regionFactor('掇刀区', '京山市')).toBe('same');
    // 钟祥市 (荆门市) and 监利市 (荆州市): neighbouring prefectures.
    expect(regionFactor('钟祥市', '监利市')).toBe('neighbour');
    expect(regionFactor('沙洋县', '天门市')).toBe('neighbour');
    // Either side's neighbour list counts: 鄂州市 has none of its own, 武汉市 lists it.
    expect(regionFactor('鄂城区', '洪山区')).toBe('neighbour');
    expect(regionFactor('钟祥市', '恩施市')).toBe('other');
  });

  it('compares places outside Hubei as themselves', () => {
    expect(regionFactor('北京市', '北京市')).toBe('same');
    expect(regionFactor('北京市', '深圳市')).toBe('other');
    expect(regionFactor('荆门市', '北京市')).toBe('other');
  });

  it('scales the text score by the fit of the factors, ×0.8 to ×1.2, and never scores without text', () => {
    expect(combinedScore(60, [1, 1, 1])).toBe(72);
    expect(combinedScore(60, [0, 0])).toBe(48);
    expect(combinedScore(60, [])).toBe(60);
    expect(combinedScore(0, [1, 1])).toBe(0);
    expect(combinedScore(95, [1])).toBe(100);
    // A record sharing little text stays low however well the rest fits (it used to gain up to 20 points).
    expect(combinedScore(5, [1, 1, 1, 1, 1])).toBe(6);
  });
});
