import type { QueryClient } from '@tanstack/react-query';
import { queries } from './keys';

/**
 * Starts the first screen's reads before React renders, in parallel where nothing depends on them:
 * connection and settings at once, then (connected only) the catalog and the open incidents. On a
 * warm open each is a storage read; only a missing or stale cache asks the background.
 */
export async function prefetchFirstScreen(queryClient: QueryClient): Promise<void> {
  const [connection] = await Promise.all([
    queryClient.fetchQuery(queries.connection()),
    queryClient.prefetchQuery(queries.settings()),
  ]);
  if (!connection.connected) return;
  await Promise.all([queryClient.prefetchQuery(queries.catalog()), queryClient.prefetchQuery(queries.openIncidents())]);
}
