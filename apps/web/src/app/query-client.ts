import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api-error';

/** Retries only failures that may pass on their own; a 4xx answer will not change by asking again. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
    },
  },
});
