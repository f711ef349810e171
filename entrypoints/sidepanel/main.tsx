import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/styles.css';
import { AppError } from '@/lib/app-error';
import { Panel } from '@/lib/panel/panel';
import { prefetchFirstScreen } from '@/lib/queries/prefetch';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // The background already retries transient API failures; retrying here would multiply them.
      retry: (count, error) => count < 1 && error instanceof AppError && error.info.kind === 'network',
      refetchOnWindowFocus: false,
    },
  },
});

// The first render waits for one round of storage reads (a few ms), never for the background: one
// render with the rows is cheaper than a spinner first and the list after.
void prefetchFirstScreen(queryClient).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <Panel />
      </QueryClientProvider>
    </StrictMode>,
  ),
);
