import type { Catalog } from '@/lib/messaging/protocol';
import { catalogIsFresh } from '@/lib/shared-cache';
import { catalogItem } from '@/lib/storage';
import { connectedClient } from './client';
import { staleAfter } from './generation';

export async function getCatalog({ fresh = false, now = Date.now() } = {}): Promise<Catalog> {
  const cached = await catalogItem.get();
  if (!fresh && cached && catalogIsFresh(cached, now)) return cached.catalog;
  const stale = staleAfter();
  const client = await connectedClient();
  const [statuses, severities, types] = await Promise.all([
    client.listStatuses(), client.listSeverities(), client.listIncidentTypes(),
  ]);
  const catalog: Catalog = {
    statuses: [...statuses].sort((a, b) => a.rank - b.rank),
    severities: [...severities].sort((a, b) => b.rank - a.rank),
    types,
  };
  // Read with a key no longer active (a workspace switch meanwhile): not the active org's catalog.
  if (!stale()) await catalogItem.set({ catalog, fetchedAt: now });
  return catalog;
}
