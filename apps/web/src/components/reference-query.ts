import { api, unwrap } from '../api/client';

/** The lists' reference data: kept apart from the components so a route can prefetch it without loading antd's pickers. */
export const referenceQueryOptions = {
  queryKey: ['catalog-reference'],
  queryFn: async () => unwrap(await api.GET('/api/catalog/reference')),
  staleTime: Infinity,
};
