import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { connectionView } from '@/lib/connection';
import { send } from '@/lib/messaging/send';
import type { Catalog, OpenIncidents } from '@/lib/messaging/protocol';
import type { Settings } from '@/lib/settings';
import { catalogIsFresh, openIncidentsAreFresh } from '@/lib/shared-cache';
import { catalogItem, connectionItem, openIncidentsItem, settingsItem } from '@/lib/storage';

/** The catalog the background cached, if still fresh (a storage read, no message). */
export async function storedCatalog(now: number): Promise<Catalog | null> {
  const cached = await catalogItem.get();
  return cached && catalogIsFresh(cached, now) ? cached.catalog : null;
}

/**
 * The shared open-incident cache (a storage read, no message) and whether it can be shown as it is;
 * `settings` (its poll interval sets "fresh") when the caller is reading them anyway.
 */
export async function storedOpenIncidents(
  now: number, settings: Promise<Settings> = settingsItem.get(),
): Promise<{ cached: OpenIncidents; fresh: boolean }> {
  const [cached, { pollIntervalSeconds }] = await Promise.all([openIncidentsItem.get(), settings]);
  return { cached, fresh: openIncidentsAreFresh(cached, pollIntervalSeconds * 1000, now) };
}

/** After a missing or stale catalog cache: the background fetches it (or joins its fetch in flight). */
export const catalogFromBackground = () => send('catalog/get', {});

/**
 * After a partial or stale open-incident cache (`cached`, as just read): shows what there is while the
 * background refreshes (joining a refresh in flight); its pages reach the panel through the storage
 * watch as they land (IncidentsView).
 */
export async function openIncidentsFromBackground(client: QueryClient, cached: OpenIncidents): Promise<OpenIncidents> {
  const { queryKey } = queries.openIncidents();
  if (cached.incidents.length > 0) client.setQueryData(queryKey, cached);
  const { fetchedAt } = await send('incidents/fill', {});
  // The watch has usually delivered the filled list already; read it only if not.
  const watched = client.getQueryData(queryKey);
  return watched?.complete && watched.fetchedAt === fetchedAt ? watched : openIncidentsItem.get();
}

/**
 * Query options per resource. Every API call goes through the background (it alone holds the key);
 * the side panel is a trusted extension page, so it reads the background's shared caches (and the
 * connection and settings, never the key) straight from storage and asks the background only when a
 * cache is missing or stale: a warm open costs no round trip.
 */
export const queries = {
  connection: () => queryOptions({ queryKey: ['connection'], queryFn: async () => connectionView(await connectionItem.get()) }),
  settings: () => queryOptions({ queryKey: ['settings'], queryFn: () => settingsItem.get() }),
  catalog: () => queryOptions({
    queryKey: ['catalog'],
    queryFn: async () => (await storedCatalog(Date.now())) ?? catalogFromBackground(),
    staleTime: 5 * 60_000,
  }),
  openIncidents: () => queryOptions({
    queryKey: ['incidents', 'open'],
    queryFn: async ({ client }) => {
      const { cached, fresh } = await storedOpenIncidents(Date.now());
      return fresh ? cached : openIncidentsFromBackground(client, cached);
    },
  }),
  incident: (ref: string) =>
    queryOptions({ queryKey: ['incidents', 'detail', ref], queryFn: () => send('incidents/get', { ref }) }),
  updates: (incidentId: string) =>
    queryOptions({ queryKey: ['incidents', 'updates', incidentId], queryFn: () => send('incidents/updates', { incidentId }) }),
  attachments: (incidentId: string) =>
    queryOptions({ queryKey: ['attachments', incidentId], queryFn: () => send('attachments/list', { incidentId }) }),
};
