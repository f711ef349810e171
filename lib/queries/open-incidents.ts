import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { AppError } from '@/lib/app-error';
import type { OpenIncidents } from '@/lib/messaging/protocol';
import { send } from '@/lib/messaging/send';
import type { Settings } from '@/lib/settings';
import { openIncidentsAreFresh } from '@/lib/shared-cache';
import { openIncidentsItem, settingsItem } from '@/lib/storage';
import { incidentScope } from './incident';

/**
 * The shared open-incident cache (a storage read, no message) and whether it is younger than the
 * poll interval; `settings` when the caller is reading them anyway.
 */
export async function storedOpenIncidents(
  now: number, settings: Promise<Settings> = settingsItem.get(),
): Promise<{ cached: OpenIncidents; fresh: boolean }> {
  const [cached, { pollIntervalSeconds }] = await Promise.all([openIncidentsItem.get(), settings]);
  return { cached, fresh: openIncidentsAreFresh(cached, pollIntervalSeconds * 1000, now) };
}

/**
 * Revalidates: the background refreshes the shared cache (one request shared with every other asker,
 * none when it is under 2 s old) and answers when it is done. The list itself reaches the panel
 * through the storage watch (IncidentsView), so a 1,000-incident list crosses once; read here only
 * if the watch has not delivered it. A failed refresh throws, and the query keeps the cached list
 * it shows, with its age, next to the error.
 */
export async function revalidatedOpenIncidents(client: QueryClient): Promise<OpenIncidents> {
  const { queryKey } = openIncidentsQuery();
  const { fetchedAt, error } = await send('incidents/fill', { revalidate: true });
  if (error) throw new AppError(error);
  const watched = client.getQueryData(queryKey);
  return watched?.complete && watched.fetchedAt === fetchedAt ? watched : openIncidentsItem.get();
}

/**
 * The open incidents. The first screen is seeded from storage (prefetch.ts) and painted at once;
 * every mount, every return to the panel and every write then runs this, which revalidates.
 */
export const openIncidentsQuery = () => queryOptions({
  queryKey: [...incidentScope.queryKey, 'open'] as const,
  queryFn: ({ client }) => revalidatedOpenIncidents(client),
});
