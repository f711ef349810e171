import type { IncidentCard } from '@/lib/messaging/protocol';
import type { CardInfo } from './hover-card';

/** Hovering the same reference again within this window costs no request. */
const TTL_MS = 60_000;

export type CardLookup = (ref: string, options?: { fresh?: boolean }) => Promise<IncidentCard>;

/**
 * Cards by reference (one `incidents/card` each), cached in memory for the page's life (a few
 * references per ticket). A failed lookup is not cached, so hovering again retries.
 */
export function createCardLookup(read: (ref: string) => Promise<IncidentCard>, now: () => number = Date.now): CardLookup {
  const cache = new Map<string, { at: number; value: Promise<IncidentCard> }>();
  /** `fresh` skips the cache: text for a customer must reflect the incident as it is now. */
  return (ref, { fresh = false } = {}) => {
    const hit = cache.get(ref);
    if (hit && !fresh && now() - hit.at < TTL_MS) return hit.value;
    const value = read(ref);
    cache.set(ref, { at: now(), value });
    value.catch(() => {
      if (cache.get(ref)?.value === value) cache.delete(ref);
    });
    return value;
  };
}

export function cardInfo({ incident, customerText }: IncidentCard): CardInfo {
  return {
    reference: incident.reference,
    name: incident.name,
    status: incident.incident_status.name,
    severity: incident.severity?.name ?? null,
    updatedAt: incident.latest_update?.created_at ?? incident.updated_at,
    lastMessage: incident.latest_update?.message ?? null,
    shareable: customerText !== null,
  };
}
