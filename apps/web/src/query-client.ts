import { QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from './api/client';

/** One cache for the whole portal (route loaders prefetch into it before a page's code arrives). */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again.
      retry: (count, err) => !(err instanceof ApiRequestError && err.body.statusCode < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
