import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { components, operations } from '../../../api/schema';
import { fileNameOf, saveBlob } from '../../../components/download';

export type StatsQuery = NonNullable<operations['StatsController_lists']['parameters']['query']>;
export type ListsFigures = components['schemas']['ListsFiguresDto'];
export type FunnelFigures = components['schemas']['FunnelFiguresDto'];
export type ContractFigures = components['schemas']['ContractFiguresDto'];
export type ChallengeFigures = components['schemas']['ChallengeFiguresDto'];
export type OrganizationFigures = components['schemas']['OrganizationFiguresDto'];
export type Target = components['schemas']['TargetViewDto'];
export type CountEntry = components['schemas']['CountEntryDto'];
export type ContractBreakdown = components['schemas']['ContractBreakdownDto'];

/** The dashboard's filter as the API takes it: empty values left out. */
export function cleanQuery(q: StatsQuery): StatsQuery {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== null && v !== '')) as StatsQuery;
}

const opts = { staleTime: 30_000, placeholderData: keepPreviousData, retry: false } as const;

/** Each figure is its own request, so one slow or refused figure does not hold up the rest. */
export function useStatsFigures(q: StatsQuery) {
  const query = cleanQuery(q);
  const { field: _field, ...noField } = query;
  return {
    lists: useQuery({
      ...opts,
      queryKey: ['stats', 'lists', query],
      queryFn: async () => unwrap(await api.GET('/api/stats/lists', { params: { query } })),
    }),
    funnel: useQuery({
      ...opts,
      queryKey: ['stats', 'funnel', query],
      queryFn: async () => unwrap(await api.GET('/api/stats/funnel', { params: { query } })),
    }),
    contracts: useQuery({
      ...opts,
      queryKey: ['stats', 'contracts', query],
      queryFn: async () => unwrap(await api.GET('/api/stats/contracts', { params: { query } })),
    }),
    challenges: useQuery({
      ...opts,
      queryKey: ['stats', 'challenges', query],
      queryFn: async () => unwrap(await api.GET('/api/stats/challenges', { params: { query } })),
    }),
    // Organizations have no industry field: asked without it (the page says so).
    organizations: useQuery({
      ...opts,
      queryKey: ['stats', 'organizations', noField],
      queryFn: async () => unwrap(await api.GET('/api/stats/organizations', { params: { query: noField } })),
    }),
  };
}

export function useTargets() {
  return useQuery({ queryKey: ['stats', 'targets'], queryFn: async () => unwrap(await api.GET('/api/stats/targets')) });
}

/** Downloads the XLSX report of the filter (fetched with the bearer token, so no plain link). */
export async function downloadStatsExport(q: StatsQuery): Promise<void> {
  const r = await api.GET('/api/stats/export', { params: { query: cleanQuery(q) }, parseAs: 'blob' });
  saveBlob(unwrap(r) as Blob, fileNameOf(r.response, '统计报表.xlsx'));
}

export const pct = (r: number | null | undefined): string => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`);
