import type { Catalog } from '@/lib/messaging/protocol';
import { catalogIsFresh } from '@/lib/shared-cache';
import { catalogItem } from '@/lib/storage';
import { connectedClient } from './client';
import { staleAfter } from './generation';

/** The catalog being fetched, for the workspace that was active when it began. */
let inFlight: { done: Promise<Catalog>; stale: () => boolean } | null = null;

/**
 * The org's statuses, severities and incident types: the shared copy while fresh, else one fetch
 * shared by everyone asking meanwhile (after a refresh the badge and the alert diff both ask, and a
 * panel's catalog query may too: three calls, not three per asker). `fresh` wants a fetch begun now.
 */
export async function getCatalog({ fresh = false, now = Date.now() } = {}): Promise<Catalog> {
  const cached = await catalogItem.get();
  if (!fresh && cached && catalogIsFresh(cached, now)) return cached.catalog;
  if (!fresh && inFlight && !inFlight.stale()) return inFlight.done;
  const stale = staleAfter();
  const done = fetchCatalog(stale, now).finally(() => {
    if (inFlight?.done === done) inFlight = null;
  });
  inFlight = { done, stale };
  return done;
}

async function fetchCatalog(stale: () => boolean, now: number): Promise<Catalog> {
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
