import type { QueryClient } from '@tanstack/react-query';
import { catalogFromBackground, openIncidentsFromBackground, queries, storedCatalog, storedOpenIncidents } from './keys';

/**
 * Reads the first screen's data (connection, settings, catalog, open incidents) from storage in one
 * round of parallel reads and seeds the queries with it: on a warm open the first render already has
 * the rows, instead of a spinner, then an empty list, then the rows. A missing or stale cache is left
 * to the background, which nothing here waits for. A failed read is retried by its query, which then
 * keeps the error for its view. Disconnected, the caches are empty and the background's "connect
 * first" answer stays unseen: the panel shows Settings.
 */
export async function prefetchFirstScreen(queryClient: QueryClient): Promise<void> {
  const now = Date.now();
  // Settings are read once: for their query and for the open-incident cache's freshness.
  const settings = queryClient.fetchQuery(queries.settings());
  const [catalog, open] = await Promise.all([
    storedCatalog(now).catch(() => null),
    storedOpenIncidents(now, settings).catch(() => null),
    queryClient.prefetchQuery(queries.connection()),
    settings.catch(() => undefined),
  ]);
  // What was read is not read again: a stale cache goes straight to the background.
  if (catalog) queryClient.setQueryData(queries.catalog().queryKey, catalog);
  else void queryClient.prefetchQuery({ ...queries.catalog(), queryFn: catalogFromBackground });
  if (!open) void queryClient.prefetchQuery(queries.openIncidents());
  else if (open.fresh) queryClient.setQueryData(queries.openIncidents().queryKey, open.cached);
  else void queryClient.prefetchQuery({ ...queries.openIncidents(), queryFn: ({ client }) => openIncidentsFromBackground(client, open.cached) });
}
