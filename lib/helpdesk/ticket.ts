import type { DeskId, Ticket, TicketAttachment } from './types';

interface TicketFields {
  id: string;
  subject: string;
  /** canonical URL */
  url: string;
  /** the number agents see when it differs from the URL's id (Zammad, FreeScout, osTicket) */
  displayNumber?: string;
}

/**
 * A ticket plus the attachment incident.io stores for it. incident.io has a Zendesk resource type;
 * every other desk is linked as `arbitrary_url` keyed by its canonical URL, so listing attachments
 * by `external_id` finds the link again from any view of the same ticket.
 */
export function buildTicket(
  desk: { id: DeskId; name: string },
  fields: TicketFields,
  resourceType: 'zendesk_ticket' | 'arbitrary_url' = 'arbitrary_url',
): Ticket {
  const ref = fields.displayNumber ?? fields.id;
  const label = `${desk.name} ${/^\d+$/.test(ref) ? `#${ref}` : ref}`;
  const attachment: TicketAttachment = {
    resourceType,
    externalId: resourceType === 'zendesk_ticket' ? fields.id : fields.url,
    title: fields.subject ? `${label}: ${fields.subject}` : label,
    url: fields.url,
  };
  return { desk: desk.id, id: fields.id, subject: fields.subject, url: fields.url, attachment };
}
