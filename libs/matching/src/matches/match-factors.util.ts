import { cityOf, type MatchableItem } from '@app/catalog';

/**
 * Prefecture-level neighbours in Hubei around the seed cities (for the "same region or a neighbour"
 * factor), keyed by prefecture: a county or district counts as its city (cityOf).
 */
const NEIGHBOURS: Record<string, string[]> = {
  荆门市: ['荆州市', '宜昌市', '襄阳市', '孝感市', '随州市', '天门市', '潜江市'],
  荆州市: ['荆门市', '宜昌市', '潜江市', '岳阳市', '常德市', '仙桃市'],
  天门市: ['荆门市', '孝感市', '潜江市', '仙桃市', '武汉市'],
  潜江市: ['荆门市', '荆州市', '天门市', '仙桃市'],
  仙桃市: ['天门市', '潜江市', '荆州市', '武汉市', '孝感市'],
  宜昌市: ['荆门市', '荆州市', '襄阳市', '恩施土家族苗族自治州', '神农架林区'],
  襄阳市: ['荆门市', '宜昌市', '随州市', '十堰市'],
  孝感市: ['荆门市', '天门市', '武汉市', '随州市', '仙桃市'],
  随州市: ['荆门市', '襄阳市', '孝感市'],
  武汉市: ['孝感市', '天门市', '仙桃市', '鄂州市', '黄冈市', '咸宁市'],
};

export interface StructuredFactors {
  /** Same industry field. */
  sameField: boolean | null;
  /** The result's TRL is at least what the need wishes. */
  trlMeetsNeed: boolean | null;
  /** Asking price within the budget (null when either is unknown; 面议 counts half). */
  priceWithinBudget: boolean | 'negotiable' | null;
  /** Cooperation modes both sides accept. */
  commonModes: string[];
  region: 'same' | 'neighbour' | 'other';
}

export function structuredFactors(need: MatchableItem, result: MatchableItem): StructuredFactors {
  const sameField = need.field && result.field ? need.field === result.field : null;
  const trlMeetsNeed = need.trl !== null && result.trl !== null ? result.trl >= need.trl : null;
  let priceWithinBudget: StructuredFactors['priceWithinBudget'] = null;
  if (result.priceNegotiable && result.priceFen === null) priceWithinBudget = 'negotiable';
  else if (result.priceFen !== null && need.budgetMaxFen !== null) priceWithinBudget = result.priceFen <= need.budgetMaxFen;
  const commonModes = need.cooperationModes.filter((m) => result.cooperationModes.includes(m));
  const region = regionFactor(need.region, result.region);
  return { sameField, trlMeetsNeed, priceWithinBudget, commonModes, region };
}

/** Same prefecture (a county or district counts as its city), neighbouring prefectures, or other. */
export function regionFactor(a: string, b: string): StructuredFactors['region'] {
  const [cityA, cityB] = [cityOf(a), cityOf(b)];
  if (cityA === cityB) return 'same';
  return NEIGHBOURS[cityA]?.includes(cityB) || NEIGHBOURS[cityB]?.includes(cityA) ? 'neighbour' : 'other';
}

/** Each known factor as a value in [0, 1]; unknown factors are left out, not counted as misses. */
export function factorValues(f: StructuredFactors, need: MatchableItem, result: MatchableItem): number[] {
  const values: number[] = [];
  if (f.sameField !== null) values.push(f.sameField ? 1 : 0);
  if (f.trlMeetsNeed !== null) values.push(f.trlMeetsNeed ? 1 : 0);
  if (f.priceWithinBudget !== null) values.push(f.priceWithinBudget === 'negotiable' ? 0.5 : f.priceWithinBudget ? 1 : 0);
  if (need.cooperationModes.length && result.cooperationModes.length) values.push(f.commonModes.length ? 1 : 0);
  values.push(f.region === 'same' ? 1 : f.region === 'neighbour' ? 0.5 : 0);
  return values;
}

/**
 * The stored 0–100 score: the text score (the matcher's calibrated, absolute score — not relative
 * to the best hit, so scores compare across queries) scaled by the fit of the known structured
 * factors, from ×0.8 when none fits to ×1.2 when all do. The factors move a match by a fifth of
 * its own weight at most: they rank well-fitting results first among similar texts, and never
 * lift a record that shares little text with the need (a text score of 0 stays 0).
 */
export function combinedScore(textScore: number, factors: number[]): number {
  if (textScore <= 0) return 0;
  const f = factors.length ? factors.reduce((a, b) => a + b, 0) / factors.length : 0.5;
  return Math.max(0, Math.min(100, Math.round(textScore * (0.8 + 0.4 * f))));
}
