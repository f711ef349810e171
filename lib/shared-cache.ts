import type { OpenIncidents } from '@/lib/messaging/protocol';

/**
 * When the background's shared caches can be shown as they are. The background and the side panel
 * (which reads the caches directly for its first paint) judge freshness by the same rules.
 */

/** Statuses, severities and types change rarely; ten minutes keeps forms fresh without extra calls. */
export const CATALOG_TTL_MS = 10 * 60_000;

export const catalogIsFresh = (cached: { fetchedAt: number }, now: number) => now - cached.fetchedAt < CATALOG_TTL_MS;

/** A complete list younger than `maxAgeMs` (the poll interval); a partial one is still being filled. */
export const openIncidentsAreFresh = (cached: OpenIncidents, maxAgeMs: number, now: number) =>
  cached.complete && cached.fetchedAt !== null && now - cached.fetchedAt < maxAgeMs;

/**
 * A revalidation within this of the last fill reuses it: every view opened or asked "at the same
 * moment" shares one request. Not a timer: no refresh ever waits for it.
 */
export const REVALIDATE_MIN_AGE_MS = 2_000;

