import type { QueryClient } from '@tanstack/react-query';
import { catalogFromBackground, storedCatalog } from './catalog';
import { queries } from './keys';
import { storedOpenIncidents } from './open-incidents';

/**
 * Reads the first screen's data (connection, settings, catalog, open incidents) from storage in one
 * round of parallel reads and seeds the queries with it: the first render already has the rows,
 * however old (the list shows its age), instead of a spinner, then an empty list, then the rows.
 * The list's query then revalidates as it mounts; a missing catalog is left to the background,
 * which nothing here waits for. A failed read is retried by its query, which then keeps the error
 * for its view. Disconnected, the caches are empty and the panel shows Settings.
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
  if (catalog) queryClient.setQueryData(queries.catalog().queryKey, catalog);
  else void queryClient.prefetchQuery({ ...queries.catalog(), queryFn: catalogFromBackground });
  // Seeded as already stale (its fill time), so mounting the list revalidates it.
  if (open && open.cached.fetchedAt !== null) {
    queryClient.setQueryData(queries.openIncidents().queryKey, open.cached, { updatedAt: open.cached.fetchedAt });
  }
}
