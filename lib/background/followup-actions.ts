import { AppError } from '@/lib/app-error';
import { latestUpdate } from './incident-card';
import { customerResolutionText } from '@/lib/helpdesk/status-snippet';
import { connectedClient } from './client';
import { markDone } from './followups';
import { askTab, readTicketTab } from './helpdesk-tab';
import { updateFollowups } from './incident-links';
import { type InsertOutcome, NOT_A_HELPDESK_TAB } from './reply-insert';

export const followupDone = (incidentId: string, externalId: string, now = Date.now()) =>
  updateFollowups((state) => ({ state: markDone(state, incidentId, externalId, now), result: undefined }));

/**
 * Types the resolution update into the follow-up's ticket (the tab must show that ticket) and marks
 * the follow-up done once the editor took the text.
 */
export async function insertResolutionUpdate(incidentId: string, externalId: string, tabId: number): Promise<InsertOutcome> {
  const client = await connectedClient();
  const [incident, updates, read] = await Promise.all([
    client.getIncident(incidentId), client.listIncidentUpdates(incidentId), readTicketTab(tabId),
  ]);
  const text = customerResolutionText(incident, latestUpdate(updates)?.created_at);
  if (!text) {
    throw new AppError({
      kind: 'not_allowed',
      message: `${incident.reference} is private or a test incident, so there is no update to share with customers. Use Mark done.`,
    });
  }
  if (!read) return { inserted: false, text, reason: NOT_A_HELPDESK_TAB };
  if (read.ticket?.attachment.externalId !== externalId) {
    return { inserted: false, text, reason: 'Open this ticket in the active tab first.' };
  }
  const reply = await askTab(tabId, { type: 'reply/insert', text });
  if (!reply) return { inserted: false, text, reason: NOT_A_HELPDESK_TAB };
  if (!reply.ok) return { inserted: false, text, reason: reply.reason };
  await followupDone(incidentId, externalId);
  return { inserted: true, text, method: reply.method };
}
