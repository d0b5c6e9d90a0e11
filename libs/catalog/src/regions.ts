/**
 * The region reference lives in core (libs/core/src/regions), shared with identity's
 * organizations; catalog's own modules and consumers keep importing it from here.
 */
export {
  cityOf,
  HUBEI_PREFECTURES,
  HUBEI_PROVINCE,
  normalizeRegion,
  type PrefectureDivision,
  REGION_NAMES,
  regionAndCounties,
  regionProblem,
} from '@app/core';
