import { queryOptions } from '@tanstack/react-query';
import { connectionView } from '@/lib/connection';
import { send } from '@/lib/messaging/send';
import type { OpenIncidents } from '@/lib/messaging/protocol';
import { catalogIsFresh, openIncidentsAreFresh } from '@/lib/shared-cache';
import { catalogItem, connectionItem, openIncidentsItem, settingsItem } from '@/lib/storage';

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
    queryFn: async () => {
      const cached = await catalogItem.get();
      return cached && catalogIsFresh(cached, Date.now()) ? cached.catalog : send('catalog/get', {});
    },
    staleTime: 5 * 60_000,
  }),
  openIncidents: () => queryOptions({
    queryKey: ['incidents', 'open'],
    queryFn: async ({ client, queryKey }) => {
      const [cached, settings] = await Promise.all([openIncidentsItem.get(), settingsItem.get()]);
      if (openIncidentsAreFresh(cached, settings.pollIntervalSeconds * 1000, Date.now())) return cached;
      // Partial or stale: show what there is while the background refreshes (joining a refresh in
      // flight); its pages reach the panel through the storage watch as they land (IncidentsView).
      if (cached.incidents.length > 0) client.setQueryData(queryKey, cached);
      const { fetchedAt } = await send('incidents/fill', {});
      // The watch has usually delivered the filled list already; read it only if not.
      const watched = client.getQueryData<OpenIncidents>(queryKey);
      return watched?.complete && watched.fetchedAt === fetchedAt ? watched : openIncidentsItem.get();
    },
  }),
  incident: (ref: string) =>
    queryOptions({ queryKey: ['incidents', 'detail', ref], queryFn: () => send('incidents/get', { ref }) }),
  updates: (incidentId: string) =>
    queryOptions({ queryKey: ['incidents', 'updates', incidentId], queryFn: () => send('incidents/updates', { incidentId }) }),
  attachments: (incidentId: string) =>
    queryOptions({ queryKey: ['attachments', incidentId], queryFn: () => send('attachments/list', { incidentId }) }),
};
