import { queryOptions } from '@tanstack/react-query';
import type { Catalog } from '@/lib/messaging/protocol';
import { send } from '@/lib/messaging/send';
import { catalogIsFresh } from '@/lib/shared-cache';
import { catalogItem } from '@/lib/storage';

/** The catalog the background cached, if still fresh (a storage read, no message). */
export async function storedCatalog(now: number): Promise<Catalog | null> {
  const cached = await catalogItem.get();
  return cached && catalogIsFresh(cached, now) ? cached.catalog : null;
}

/** After a missing or stale catalog cache: the background fetches it (or joins its fetch in flight). */
export const catalogFromBackground = () => send('catalog/get', {});

/** Incident types, statuses and severities: never on the first rows' path (rows paint without them). */
export const catalogQuery = () => queryOptions({
  queryKey: ['catalog'] as const,
  queryFn: async () => (await storedCatalog(Date.now())) ?? catalogFromBackground(),
  staleTime: 5 * 60_000,
});
