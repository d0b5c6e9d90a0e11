import { HUBEI_PREFECTURES } from '@app/catalog';

/**
 * The city this platform serves and whose figures the bureau reports (the plans of ../shared/seeds
 * are 荆门's). A deployment for another Hubei city changes this one line; its counties (districts,
 * county-level cities, counties) come from the catalog's list of divisions.
 */
export const STATS_CITY = '荆门市';

export const STATS_COUNTIES: readonly string[] = HUBEI_PREFECTURES.find((p) => p.name === STATS_CITY)?.counties ?? [];

/** A record placed at the city itself (region 荆门市, no county named) is counted under this label by county. */
export const CITY_LEVEL = '市本级';

/** The regions a place covers: the city with every county, or one county. */
export function placeRegions(county: string | null): string[] {
  return county ? [county] : [STATS_CITY, ...STATS_COUNTIES];
}

/** How a record's region reads in a by-county breakdown. */
export function countyLabel(region: string): string {
  return region === STATS_CITY ? CITY_LEVEL : region;
}
