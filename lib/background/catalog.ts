import type { Catalog } from '@/lib/messaging/protocol';
import { catalogItem } from '@/lib/storage';
import { connectedClient } from './client';

/** Statuses, severities and types change rarely; ten minutes keeps forms fresh without extra calls. */
const CATALOG_TTL_MS = 10 * 60_000;

export async function getCatalog({ fresh = false, now = Date.now() } = {}): Promise<Catalog> {
  const cached = await catalogItem.get();
  if (!fresh && cached && now - cached.fetchedAt < CATALOG_TTL_MS) return cached.catalog;
  const client = await connectedClient();
  const [statuses, severities, types] = await Promise.all([
    client.listStatuses(), client.listSeverities(), client.listIncidentTypes(),
  ]);
  const catalog: Catalog = {
    statuses: [...statuses].sort((a, b) => a.rank - b.rank),
    severities: [...severities].sort((a, b) => b.rank - a.rank),
    types,
  };
  await catalogItem.set({ catalog, fetchedAt: now });
  return catalog;
}
