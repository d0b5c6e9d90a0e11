/**
 * The administrative divisions the platform knows: 湖北省's prefecture-level divisions and their
 * current county-level divisions (districts, county-level cities, counties). An organization's,
 * a need's or a result's region is one of these names (`normalizeRegion` maps the usual other
 * spellings to it); `cityOf` maps a county or district to its prefecture so that searches and
 * match factors compare at city level. Pure data and functions, here in core so that identity
 * (organizations) and catalog (items) share the one reference.
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
 * The prefecture-level division a region belongs to: 钟祥市 → 荆门市. A prefecture, or anything not
 * in the reference (a record older than the rule), is its own answer (荆门市 → 荆门市, 北京市 → 北京市).
 */
export function cityOf(region: string): string {
  return CITY_OF_COUNTY.get(region) ?? region;
}

/** A region and the places inside it: 荆门市 → [荆门市, 东宝区, 掇刀区, …]; any other region → itself. */
export function regionAndCounties(region: string): string[] {
  return [region, ...(HUBEI_PREFECTURES.find((p) => p.name === region)?.counties ?? [])];
}

/** Every name a region may have: the prefectures and their counties (the province alone is too vague). */
export const REGION_NAMES: ReadonlySet<string> = new Set(HUBEI_PREFECTURES.flatMap((p) => [p.name, ...p.counties]));

/** Endings of a county-level name (a prefecture is never written with them), longest first. */
const COUNTY_SUFFIXES = ['土家族自治县', '自治县', '县', '区'];
/** Endings people leave out or shorten (荆门 for 荆门市, 恩施州 for 恩施土家族苗族自治州), longest first. */
const SUFFIXES = ['土家族苗族自治州', '土家族自治县', '自治州', '自治县', '林区', '市', '县', '区', '州'];

/** A name split from its ending: 荆门市 → 荆门 + 市; null when fewer than two characters would be left. */
function split(name: string): { stem: string; suffix: string } | null {
  const suffix = SUFFIXES.find((s) => name.endsWith(s) && name.length - s.length >= 2);
  return suffix ? { stem: name.slice(0, -suffix.length), suffix } : null;
}

function stems(names: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of names) {
    const s = split(n)?.stem;
    if (s) out.set(s, [...(out.get(s) ?? []), n]);
  }
  return out;
}

/** Counties by their stem, where the stem names one county only (钟祥 → 钟祥市, 长阳 → 长阳土家族自治县). */
const COUNTY_BY_STEM: ReadonlyMap<string, string> = new Map(
  [...stems(HUBEI_PREFECTURES.flatMap((p) => p.counties))].filter(([, names]) => names.length === 1).map(([s, [n]]) => [s, n]),
);

/**
 * Any division by its stem. A prefecture's stem is the prefecture even where one of its own
 * counties shares it (荆州 → 荆州市, not 荆州区; 恩施 → 恩施土家族苗族自治州, not 恩施市): at city
 * level both are the same place.
 */
const BY_STEM: ReadonlyMap<string, string> = new Map([
  ...COUNTY_BY_STEM,
  ...[...stems(HUBEI_PREFECTURES.map((p) => p.name))].map(([s, [n]]) => [s, n] as const),
]);

/**
 * One name among `names`, written in full, as its stem, or with another ending: 钟祥市, 钟祥 →
 * 钟祥市; 京山县 (its name before 2018) → 京山市; 恩施州 → 恩施土家族苗族自治州. A county ending
 * (县, 区) only ever names a county: 荆门县 is no place.
 */
function nameAmong(text: string, names: ReadonlySet<string>): string | null {
  if (names.has(text)) return text;
  const parts = split(text);
  const found = BY_STEM.get(text) ?? (parts && (COUNTY_SUFFIXES.includes(parts.suffix) ? COUNTY_BY_STEM : BY_STEM).get(parts.stem));
  return found && names.has(found) ? found : null;
}

/** How a prefecture may be written before one of its counties (荆门市钟祥市, 荆门钟祥, 恩施州恩施市), longest first. */
function prefixesOf(p: PrefectureDivision): string[] {
  const s = split(p.name)?.stem;
  if (!s) return [p.name];
  return [p.name, ...(p.name.endsWith('州') ? [`${s}州`] : []), s];
}

/**
 * The reference's name for a region as people write it, or null when it names no place of the
 * reference or could name two: 荆门 → 荆门市, 湖北省荆门市 → 荆门市, 荆门市钟祥市 → 钟祥市,
 * 钟祥 → 钟祥市, 长阳县 → 长阳土家族自治县, 京山县 (its name before 2018) → 京山市. A county written
 * under a prefecture it is not in (荆州市钟祥市) is null. Spaces and full-width forms are ignored.
 */
export function normalizeRegion(input: string): string | null {
  const text = input
    .normalize('NFKC')
    .replace(/[\s·・\-—/、,，]/g, '')
    .replace(/^(中国|中华人民共和国)/, '')
    .replace(/^湖北(省)?/, '');
  if (!text) return null;
  const whole = nameAmong(text, REGION_NAMES);
  if (whole) return whole;
  for (const p of HUBEI_PREFECTURES) {
    const prefix = prefixesOf(p).find((x) => text.startsWith(x) && text.length > x.length);
    if (!prefix) continue;
    const county = nameAmong(text.slice(prefix.length), new Set(p.counties));
    if (county) return county;
  }
  return null;
}

/** Why a region is refused, naming what was written (cut short). */
export function regionProblem(input: string): string {
  const shown = input.length > 20 ? `${input.slice(0, 20)}…` : input;
  return `“${shown}”不是湖北省的市或县（区）名称，请从地区列表中选择，如“荆门市”“沙洋县”`;
}
