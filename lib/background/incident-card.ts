import type { Incident, IncidentUpdate } from '@/lib/incident-io/schemas';
import { customerStatusPageText, customerStatusText, type StatusPageWording } from '@/lib/helpdesk/status-snippet';
import { toPublicIncident } from '@/lib/messaging/public-incident';
import type { IncidentCard } from '@/lib/messaging/protocol';

/** The most recent update (the API's order is not documented, so it is not relied on). */
export function latestUpdate(updates: readonly IncidentUpdate[]): IncidentUpdate | null {
  return updates.reduce<IncidentUpdate | null>((latest, update) => (!latest || update.created_at > latest.created_at ? update : latest), null);
}

/**
 * An incident as a card shows it, with the customer text from the one builder: the hover card,
 * the strip's "Insert update" and the side panel's reply all get their text from here. With a status
 * page incident, the text is in the status page's public words.
 */
export function incidentCard(incident: Incident, updates: readonly IncidentUpdate[], page?: StatusPageWording | null): IncidentCard {
  const latest = latestUpdate(updates);
  const customerText = page ? customerStatusPageText(incident, page) : customerStatusText(incident, latest?.created_at);
  return { incident: toPublicIncident(incident, latest), customerText };
}
