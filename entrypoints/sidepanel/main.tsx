// First: starts the first screen's storage reads before the modules below are evaluated.
import { firstScreenRead, queryClient } from './query-client';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/styles.css';
import { Panel } from '@/lib/panel/panel';

// The first render waits for one round of storage reads (a few ms), never for the background: one
// render with the rows is cheaper than a spinner first and the list after.
void firstScreenRead.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <Panel />
      </QueryClientProvider>
    </StrictMode>,
  ),
);
