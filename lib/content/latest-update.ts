import type { IncidentUpdate } from '@/lib/incident-io/schemas';

/** The most recent update (the API's order is not documented, so it is not relied on). */
export function latestUpdate(updates: readonly IncidentUpdate[]): IncidentUpdate | null {
  return updates.reduce<IncidentUpdate | null>((latest, update) => (!latest || update.created_at > latest.created_at ? update : latest), null);
}
