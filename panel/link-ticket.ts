import { safeHttpUrl } from '@/lib/web-url';
import { AppError } from '@/lib/app-error';
import type { CreateAttachmentPayload } from '@/lib/incident-io/schemas';
import type { TicketRef } from '@/lib/panel-intent';

/**
 * What incident.io stores for a ticket link (`POST /v1/incident_attachments`). The ticket was read
 * by a content script inside the help desk's page, so its URL is checked to be a web link before it
 * is stored where others will click it.
 */
export function attachmentPayload(incidentId: string, ticket: TicketRef): CreateAttachmentPayload {
  return { incident_id: incidentId, resource: storedResource(ticket) };
}

function storedResource(ticket: TicketRef): CreateAttachmentPayload['resource'] {
  const url = safeHttpUrl(ticket.attachment.url);
  if (!url) throw new AppError({ kind: 'bad_input', message: 'This ticket’s address is not a web link, so it can’t be linked.' });
  return {
    external_id: ticket.attachment.externalId,
    resource_type: ticket.attachment.resourceType,
    title: ticket.attachment.title,
    url,
  };
}

/**
 * What the link confirmation shows: exactly the title and URL that will be stored (not the page's
 * other URL of the ticket), or null when the ticket can't be linked at all.
 */
export function linkPreview(ticket: TicketRef): { title: string; url: string } | null {
  try {
    const { title, url } = storedResource(ticket);
    return { title: title ?? '', url: url ?? '' };
  } catch {
    return null;
  }
}
