import type { operations } from '../../api/schema';

export type SearchQuery = operations['MatchingController_find']['parameters']['query'];
export type SearchType = SearchQuery['type'];
export type SearchField = NonNullable<SearchQuery['field']>;
export type SearchMode = NonNullable<SearchQuery['modes']>[number];
export type SearchOrgKind = NonNullable<SearchQuery['orgKind']>;
export type SearchSort = NonNullable<SearchQuery['sort']>;

/**
 * The whole search as it lives in the address bar: shareable, and the back button walks it.
 * Money is kept in 万元 in the URL (what people read and type); the API takes yuan.
 */
export interface SearchState {
  type: SearchType;
  q: string;
  field?: SearchField;
  region?: string;
  trlMin?: number;
  trlMax?: number;
  /** 万元 */
  priceMin?: number;
  /** 万元 */
  priceMax?: number;
  modes: SearchMode[];
  orgKind?: SearchOrgKind;
  sort: SearchSort;
  page: number;
  pageSize: number;
}

/** The orders the API offers, in Chinese (needs are priced by their budget's upper end). */
export const SORT_OPTIONS: { value: SearchSort; label: string }[] = [
  { value: 'relevance', label: '相关度' },
  { value: 'newest', label: '最新发布' },
  { value: 'trl', label: '技术成熟度从高到低' },
  { value: 'price-asc', label: '价格从低到高' },
  { value: 'price-desc', label: '价格从高到低' },
];

export const PAGE_SIZES = [10, 20, 50];
export const DEFAULT_PAGE_SIZE = 10;
const ORG_KINDS: SearchOrgKind[] = ['enterprise', 'university', 'institute'];

function num(v: string | null, min: number, max: number): number | undefined {
  if (v === null || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
}

export function readSearch(params: URLSearchParams): SearchState {
  const pageSize = num(params.get('pageSize'), 1, 100);
  const orgKind = params.get('orgKind') as SearchOrgKind | null;
  return {
    type: params.get('type') === 'need' ? 'need' : 'result',
    q: params.get('q') ?? '',
    field: (params.get('field') || undefined) as SearchField | undefined,
    region: params.get('region') || undefined,
    trlMin: num(params.get('trlMin'), 1, 9),
    trlMax: num(params.get('trlMax'), 1, 9),
    priceMin: num(params.get('priceMin'), 0, 1_000_000),
    priceMax: num(params.get('priceMax'), 0, 1_000_000),
    modes: (params.get('modes') ?? '').split(',').filter(Boolean) as SearchMode[],
    orgKind: orgKind && ORG_KINDS.includes(orgKind) ? orgKind : undefined,
    sort: SORT_OPTIONS.find((o) => o.value === params.get('sort'))?.value ?? 'relevance',
    page: Math.floor(num(params.get('page'), 1, 100_000) ?? 1),
    pageSize: pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** Only what differs from the defaults goes into the URL. */
export function writeSearch(s: SearchState): URLSearchParams {
  const p = new URLSearchParams();
  p.set('type', s.type);
  if (s.q.trim()) p.set('q', s.q.trim());
  if (s.field) p.set('field', s.field);
  if (s.region) p.set('region', s.region);
  if (s.trlMin !== undefined) p.set('trlMin', String(s.trlMin));
  if (s.trlMax !== undefined) p.set('trlMax', String(s.trlMax));
  if (s.priceMin !== undefined) p.set('priceMin', String(s.priceMin));
  if (s.priceMax !== undefined) p.set('priceMax', String(s.priceMax));
  if (s.modes.length) p.set('modes', s.modes.join(','));
  if (s.orgKind) p.set('orgKind', s.orgKind);
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.page > 1) p.set('page', String(s.page));
  if (s.pageSize !== DEFAULT_PAGE_SIZE) p.set('pageSize', String(s.pageSize));
  return p;
}

const toYuan = (wan?: number): number | undefined => (wan === undefined ? undefined : Math.round(wan * 10_000));

/** The counts the filters show beside their options (the region picker shows none). */
export const FILTER_FACETS = ['field', 'trl', 'cooperationModes', 'orgKind'] as const;

/**
 * The API's query for a search state. Facet counts are asked for on a search's first page only:
 * they do not change from page to page, and the page keeps the first page's (SearchPage).
 */
export function toApiQuery(s: SearchState): SearchQuery {
  return {
    type: s.type,
    q: s.q.trim() || undefined,
    field: s.field,
    region: s.region,
    trlMin: s.trlMin,
    trlMax: s.trlMax,
    priceMinYuan: toYuan(s.priceMin),
    priceMaxYuan: toYuan(s.priceMax),
    modes: s.modes.length ? s.modes : undefined,
    orgKind: s.orgKind,
    sort: s.sort === 'relevance' ? undefined : s.sort,
    page: s.page,
    pageSize: s.pageSize,
    facets: s.page === 1 ? [...FILTER_FACETS] : undefined,
  };
}

/** How many filters (besides the words) narrow the search. */
export function activeFilterCount(s: SearchState): number {
  return (
    [s.field, s.region, s.trlMin, s.trlMax, s.priceMin, s.priceMax, s.orgKind].filter((v) => v !== undefined).length +
    (s.modes.length ? 1 : 0)
  );
}
