import { cityOf, HUBEI_PREFECTURES, HUBEI_PROVINCE } from './regions';

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
