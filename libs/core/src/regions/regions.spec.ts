import { cityOf, HUBEI_PREFECTURES, HUBEI_PROVINCE, normalizeRegion, REGION_NAMES, regionProblem } from './regions';

describe('Hubei regions', () => {
  it('lists the 17 prefecture-level divisions, each county under one prefecture only', () => {
    expect(HUBEI_PREFECTURES).toHaveLength(17);
    expect(HUBEI_PREFECTURES.filter((p) => p.provinceAdministered).map((p) => p.name)).toEqual([
      '仙桃市',
      '潜江市',
      '天门市',
      '神农架林区',
    ]);
    const names = HUBEI_PREFECTURES.flatMap((p) => [p.name, ...p.counties]);
    expect(new Set(names).size).toBe(names.length);
    expect(HUBEI_PREFECTURES.find((p) => p.name === '荆门市')?.counties).toEqual(['东宝区', '掇刀区', '京山市', '沙洋县', '钟祥市']);
  });

  it('maps a county or district to its prefecture', () => {
    expect(cityOf('钟祥市')).toBe('荆门市');
    expect(cityOf('东宝区')).toBe('荆门市');
    expect(cityOf('监利市')).toBe('荆州市');
    expect(cityOf('恩施市')).toBe('恩施土家族苗族自治州');
    expect(cityOf('硚口区')).toBe('武汉市');
  });

  it('answers a prefecture, the province or a place outside Hubei with itself', () => {
    expect(cityOf('荆门市')).toBe('荆门市');
    expect(cityOf('天门市')).toBe('天门市');
    expect(cityOf(HUBEI_PROVINCE)).toBe('湖北省');
    expect(cityOf('北京市')).toBe('北京市');
    expect(cityOf('深圳市')).toBe('深圳市');
    expect(cityOf('')).toBe('');
  });
});

describe('normalizeRegion', () => {
  it('answers every name of the reference with itself', () => {
    for (const name of REGION_NAMES) expect(normalizeRegion(name)).toBe(name);
  });

  it('maps the usual other spellings to the reference name', () => {
    const cases: [string, string][] = [
      ['荆门', '荆门市'],
      [' 荆门市 ', '荆门市'],
      ['湖北省荆门市', '荆门市'],
      ['湖北荆门', '荆门市'],
      ['中国湖北省荆门市钟祥市', '钟祥市'],
      ['荆门市钟祥市', '钟祥市'],
      ['荆门市 钟祥市', '钟祥市'],
      ['荆门钟祥', '钟祥市'],
      ['钟祥', '钟祥市'],
      ['沙洋', '沙洋县'],
      ['东宝', '东宝区'],
      ['荆州沙市', '沙市区'],
      ['沙市', '沙市区'],
      ['京山县', '京山市'],
      ['监利县', '监利市'],
      ['长阳县', '长阳土家族自治县'],
      ['恩施州', '恩施土家族苗族自治州'],
      ['恩施州恩施市', '恩施市'],
      ['恩施市', '恩施市'],
      ['荆州', '荆州市'],
      ['神农架', '神农架林区'],
      ['随县', '随县'],
      ['荆门市', '荆门市'],
    ];
    expect(cases.map(([input]) => [input, normalizeRegion(input)])).toEqual(cases);
  });

  it('refuses what names no place of the reference, or a county under another prefecture', () => {
    for (const input of [
      'Jingmen',
      '火星市',
      '北京市',
      '深圳市',
      '湖北省',
      '湖北',
      '',
      '   ',
      '荆门县',
      '荆州市钟祥市',
      '荆门市区',
      '市',
      '随',
    ])
      expect([input, normalizeRegion(input)]).toEqual([input, null]);
  });

  it('says which value was refused, cut short', () => {
    expect(regionProblem('火星市')).toContain('“火星市”');
    expect(regionProblem('火星市')).toContain('市或县');
    expect(regionProblem('长'.repeat(100)).length).toBeLessThan(80);
  });
});
