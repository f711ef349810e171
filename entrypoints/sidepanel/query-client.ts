import { QueryClient } from '@tanstack/react-query';
import { AppError } from '@/lib/app-error';
import { prefetchFirstScreen } from '@/lib/queries/prefetch';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // The background already retries transient API failures; retrying here would multiply them.
      retry: (count, error) => count < 1 && error instanceof AppError && error.info.kind === 'network',
      refetchOnWindowFocus: false,
    },
  },
});

/**
 * The first screen's storage reads, started as this module is evaluated: main.tsx imports it first,
 * so the reads are under way while React DOM and the views are still being evaluated.
 */
export const firstScreenRead = prefetchFirstScreen(queryClient);
