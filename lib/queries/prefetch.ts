import type { QueryClient } from '@tanstack/react-query';
import { queries } from './keys';

/**
 * Starts every read of the first screen at once, before React renders: connection, settings,
 * catalog and open incidents. On a warm open each is a storage read (one round of them, nothing
 * waits for another); only a missing or stale cache asks the background. Disconnected, the caches
 * are empty and the background's "connect first" answer stays unseen: the panel shows Settings.
 */
export async function prefetchFirstScreen(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.prefetchQuery(queries.connection()),
    queryClient.prefetchQuery(queries.settings()),
    queryClient.prefetchQuery(queries.catalog()),
    queryClient.prefetchQuery(queries.openIncidents()),
  ]);
}
