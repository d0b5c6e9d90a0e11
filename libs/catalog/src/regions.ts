/**
 * The administrative divisions the platform knows: 湖北省's prefecture-level divisions and their
 * current county-level divisions (districts, county-level cities, counties). A record's region is
 * free text (a city, a county or district, or a place outside Hubei); `cityOf` maps a Hubei county
 * or district to its prefecture so that searches and match factors compare at city level.
 * Places outside Hubei are not listed and compare as themselves.
 */
export const HUBEI_PROVINCE = '湖北省';

export interface PrefectureDivision {
  /** The prefecture-level division, as people write it (荆门市, 恩施土家族苗族自治州). */
  name: string;
  /** Directly administered by the province (仙桃市, 潜江市, 天门市, 神农架林区): no county-level divisions of its own. */
  provinceAdministered: boolean;
  /** Its districts, county-level cities and counties. */
  counties: readonly string[];
}

const prefecture = (name: string, counties: readonly string[]): PrefectureDivision => ({ name, provinceAdministered: false, counties });
const provinceAdministered = (name: string): PrefectureDivision => ({ name, provinceAdministered: true, counties: [] });

/** All 17 prefecture-level divisions of 湖北省 (12 prefecture-level cities, 1 autonomous prefecture, 4 directly administered). */
export const HUBEI_PREFECTURES: readonly PrefectureDivision[] = [
  prefecture('武汉市', [
    '江岸区',
    '江汉区',
    '硚口区',
    '汉阳区',
    '武昌区',
    '青山区',
    '洪山区',
    '东西湖区',
    '汉南区',
    '蔡甸区',
    '江夏区',
    '黄陂区',
    '新洲区',
  ]),
  prefecture('黄石市', ['黄石港区', '西塞山区', '下陆区', '铁山区', '阳新县', '大冶市']),
  prefecture('十堰市', ['茅箭区', '张湾区', '郧阳区', '郧西县', '竹山县', '竹溪县', '房县', '丹江口市']),
  prefecture('宜昌市', [
    '西陵区',
    '伍家岗区',
    '点军区',
    '猇亭区',
    '夷陵区',
    '远安县',
    '兴山县',
    '秭归县',
    '长阳土家族自治县',
    '五峰土家族自治县',
    '宜都市',
    '当阳市',
    '枝江市',
  ]),
  prefecture('襄阳市', ['襄城区', '樊城区', '襄州区', '南漳县', '谷城县', '保康县', '老河口市', '枣阳市', '宜城市']),
  prefecture('鄂州市', ['梁子湖区', '华容区', '鄂城区']),
  prefecture('荆门市', ['东宝区', '掇刀区', '京山市', '沙洋县', '钟祥市']),
  prefecture('孝感市', ['孝南区', '孝昌县', '大悟县', '云梦县', '应城市', '安陆市', '汉川市']),
  prefecture('荆州市', ['沙市区', '荆州区', '监利市', '石首市', '洪湖市', '松滋市', '公安县', '江陵县']),
  prefecture('黄冈市', ['黄州区', '团风县', '红安县', '罗田县', '英山县', '浠水县', '蕲春县', '黄梅县', '麻城市', '武穴市']),
  prefecture('咸宁市', ['咸安区', '嘉鱼县', '通城县', '崇阳县', '通山县', '赤壁市']),
  prefecture('随州市', ['曾都区', '随县', '广水市']),
  prefecture('恩施土家族苗族自治州', ['恩施市', '利川市', '建始县', '巴东县', '宣恩县', '咸丰县', '来凤县', '鹤峰县']),
  provinceAdministered('仙桃市'),
  provinceAdministered('潜江市'),
  provinceAdministered('天门市'),
  provinceAdministered('神农架林区'),
];

const CITY_OF_COUNTY: ReadonlyMap<string, string> = new Map(HUBEI_PREFECTURES.flatMap((p) => p.counties.map((c) => [c, p.name] as const)));

/**
 * The prefecture-level division a region belongs to: 钟祥市 → 荆门市. A prefecture, the province,
 * an unknown place or a place outside Hubei is its own answer (荆门市 → 荆门市, 北京市 → 北京市).
 */
export function cityOf(region: string): string {
  return CITY_OF_COUNTY.get(region) ?? region;
}

/** A region and the places inside it: 荆门市 → [荆门市, 东宝区, 掇刀区, …]; any other region → itself. */
export function regionAndCounties(region: string): string[] {
  return [region, ...(HUBEI_PREFECTURES.find((p) => p.name === region)?.counties ?? [])];
}
