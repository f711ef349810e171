import type { Incident, IncidentUpdate } from '@/lib/incident-io/schemas';
import type { CardInfo } from './hover-card';
import { latestUpdate } from './latest-update';

/** An incident with its latest update, as a help-desk page may see it (public incidents only). */
export interface IncidentBrief {
  incident: Incident;
  latest: IncidentUpdate | null;
}

export interface LookupReads {
  getIncident(ref: string): Promise<Incident>;
  listUpdates(incidentId: string): Promise<IncidentUpdate[]>;
}

/** Hovering the same reference again within this window costs no request. */
const TTL_MS = 60_000;

/**
 * Incidents by reference, cached in memory for the page's life (a few references per ticket).
 * A failed lookup is not cached, so hovering again retries.
 */
export function createIncidentLookup(reads: LookupReads, now: () => number = Date.now) {
  const cache = new Map<string, { at: number; value: Promise<IncidentBrief> }>();
  /** `fresh` skips the cache: text for a customer must reflect the incident as it is now. */
  return (ref: string, { fresh = false } = {}): Promise<IncidentBrief> => {
    const hit = cache.get(ref);
    if (hit && !fresh && now() - hit.at < TTL_MS) return hit.value;
    const value = (async () => {
      const incident = await reads.getIncident(ref);
      const updates = await reads.listUpdates(incident.id).catch(() => []);
      return { incident, latest: latestUpdate(updates) };
    })();
    cache.set(ref, { at: now(), value });
    value.catch(() => {
      if (cache.get(ref)?.value === value) cache.delete(ref);
    });
    return value;
  };
}

export function cardInfo({ incident, latest }: IncidentBrief): CardInfo {
  return {
    reference: incident.reference,
    name: incident.name,
    status: incident.incident_status.name,
    severity: incident.severity?.name ?? null,
    updatedAt: latest?.created_at ?? incident.updated_at,
    lastMessage: latest?.message?.trim() || null,
  };
}
