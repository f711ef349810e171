import { AppError } from '@/lib/app-error';
import { connectedClient } from './client';
import { incidentCard } from './incident-card';
import { askTab } from './helpdesk-tab';
import { statusPageWording } from './status-page-wording';

export interface InsertOutcome {
  inserted: boolean;
  /** The text, so the panel can offer it on the clipboard when the editor refused it. */
  text: string;
  method?: string;
  reason?: string;
}

export const NOT_A_HELPDESK_TAB = 'This tab is not a help-desk page Incident Copilot runs on.';

/**
 * Puts an incident's customer-safe status update into the reply editor of a help-desk tab. The text
 * is made here from the incident as it is now (public incidents only); the tab's content script only
 * types it, through the editor's own input pipeline, and reads it back.
 */
export async function insertStatusUpdate(incidentId: string, tabId: number): Promise<InsertOutcome> {
  const client = await connectedClient();
  const [incident, updates] = await Promise.all([client.getIncident(incidentId), client.listIncidentUpdates(incidentId)]);
  // The same builder and input as the strip's "Insert update" (incidents/card).
  const text = incidentCard(incident, updates, await statusPageWording(incident)).customerText;
  if (!text) {
    throw new AppError({
      kind: 'not_allowed',
      message: `${incident.reference} is private or a test incident, so there is no status update to share with customers.`,
    });
  }
  const reply = await askTab(tabId, { type: 'reply/insert', text });
  if (!reply) return { inserted: false, text, reason: NOT_A_HELPDESK_TAB };
  return reply.ok ? { inserted: true, text, method: reply.method } : { inserted: false, text, reason: reply.reason };
}
