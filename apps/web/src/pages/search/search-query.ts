import { api, unwrap } from '../../api/client';
import { readSearch, toApiQuery, type SearchQuery } from './searchState';

/** The search request for a query: used by the page, and by the route to start it before the page's code loads. */
export function searchQueryOptions(query: SearchQuery) {
  return {
    queryKey: ['search', query] as const,
    queryFn: async () => unwrap(await api.GET('/api/search', { params: { query } })),
    // Fresh for half a minute: the page does not ask again for what its route just fetched.
    staleTime: 30_000,
  };
}

export function searchQueryOptionsFromUrl(params: URLSearchParams) {
  return searchQueryOptions(toApiQuery(readSearch(params)));
}
