import { capabilitiesFromRoles } from '@/lib/incident-io/roles';
import type { IncidentAttachment } from '@/lib/incident-io/schemas';
import type { Handlers } from '@/lib/messaging/handle';
import { connectionItem, settingsItem } from '@/lib/storage';
import { connectedClient, type IncidentIoClient } from './client';
import { isTicketLink } from './followups';

/**
 * Writes the number of linked help-desk tickets into the organisation's chosen numeric custom field,
 * so responders in incident.io see the support impact. The count comes from the attachments as
 * incident.io lists them right after the link or unlink, not from an increment, so two agents
 * linking at once both write the true count. Skipped (never an error) without a chosen field or
 * without `incident_editor`.
 */
export async function writeTicketCount(
  client: IncidentIoClient, incidentId: string, attachments: IncidentAttachment[],
): Promise<'written' | 'skipped'> {
  const [{ ticketCountFieldId }, { identity }] = await Promise.all([settingsItem.get(), connectionItem.get()]);
  if (!ticketCountFieldId || !identity || !capabilitiesFromRoles(identity.roles).canEdit) return 'skipped';
  const count = attachments.filter(isTicketLink).length;
  await client.editIncident(incidentId, {
    incident: { custom_field_entries: [{ custom_field_id: ticketCountFieldId, values: [{ value_numeric: String(count) }] }] },
    // A count is bookkeeping, not news for the incident channel.
    notify_incident_channel: false,
  });
  return 'written';
}

/** Settings offers the numeric fields only: a count can't go into a text or select field. */
export const ticketCountHandlers: Pick<Handlers, 'customfields/numeric'> = {
  'customfields/numeric': async () => ({
    fields: (await (await connectedClient()).listCustomFields())
      .filter((field) => field.field_type === 'numeric')
      .map(({ id, name }) => ({ id, name })),
  }),
};
