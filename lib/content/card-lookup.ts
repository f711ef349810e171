import type { IncidentCard } from '@/lib/messaging/protocol';
import type { CardInfo } from './hover-card';

/**
 * Asking for the same reference again within this window shares the request (the views that open
 * at one moment); later, the card shows the last answer at once and asks incident.io again.
 */
const SHARE_MS = 2_000;

export interface CardLookup {
  /** `fresh` skips the cache: text for a customer must reflect the incident as it is now. */
  (ref: string, options?: { fresh?: boolean }): Promise<IncidentCard>;
  /** The last card read for `ref` and when it was read, to show while a newer one is asked for. */
  last(ref: string): { card: IncidentCard; at: number } | undefined;
}

/**
 * Cards by reference (one `incidents/card` each), kept in memory for the page's life (a few
 * references per ticket). A failed lookup is not kept, so hovering again retries.
 */
export function createCardLookup(read: (ref: string) => Promise<IncidentCard>, now: () => number = Date.now): CardLookup {
  const pending = new Map<string, { at: number; value: Promise<IncidentCard> }>();
  const settled = new Map<string, { card: IncidentCard; at: number }>();
  const lookup = (ref: string, { fresh = false } = {}) => {
    const hit = pending.get(ref);
    if (hit && !fresh && now() - hit.at < SHARE_MS) return hit.value;
    const at = now();
    const value = read(ref);
    pending.set(ref, { at, value });
    value.then(
      (card) => {
        if ((settled.get(ref)?.at ?? -Infinity) <= at) settled.set(ref, { card, at });
      },
      () => {
        if (pending.get(ref)?.value === value) pending.delete(ref);
      },
    );
    return value;
  };
  return Object.assign(lookup, { last: (ref: string) => settled.get(ref) });
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
    ...(incident.workspace ? { workspace: incident.workspace.name } : {}),
  };
}
