// First: starts the first screen's storage reads before the modules below are evaluated.
import { firstScreenRead, queryClient } from './query-client';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Panel } from '@/panel/panel';
import { adoptFirstRefresh } from '@/lib/queries/open-incidents';

/**
 * The React side panel, loaded by main.ts once the first rows are on screen, with the revalidation
 * the first-paint script asked for. Its first render waits
 * for one round of storage reads (a few ms), never for the background, and replaces the static rows
 * in one commit with the same rows, now interactive.
 */
export function startApp(root: HTMLElement, firstRefresh?: Promise<unknown>): Promise<void> {
  // The first-paint script already asked for this open's revalidation: the list's query waits for it.
  if (firstRefresh) adoptFirstRefresh(firstRefresh);
  return firstScreenRead.then(() =>
    createRoot(root).render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <Panel />
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
}
