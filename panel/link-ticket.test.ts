import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/app-error';
import { createAttachmentPayloadSchema } from '@/lib/incident-io/schemas';
import type { TicketRef } from '@/lib/panel-intent';
import { attachmentPayload, linkPreview } from './link-ticket';

const zendesk: TicketRef = {
  desk: 'zendesk', id: '48213', subject: 'Checkout failing for EU customers', url: 'https://acme.zendesk.com/agent/tickets/48213',
  attachment: { resourceType: 'zendesk_ticket', externalId: '48213', title: 'Zendesk #48213: Checkout failing for EU customers', url: 'https://acme.zendesk.com/agent/tickets/48213' },
};

describe('attachmentPayload', () => {
  it('stores the ticket as the adapter described it, valid for incident.io', () => {
    const payload = attachmentPayload('01HINC', zendesk);
    expect(payload).toEqual({
      incident_id: '01HINC',
      resource: { external_id: '48213', resource_type: 'zendesk_ticket', title: 'Zendesk #48213: Checkout failing for EU customers', url: 'https://acme.zendesk.com/agent/tickets/48213' },
    });
    expect(createAttachmentPayloadSchema.safeParse(payload).success).toBe(true);
  });

  it('refuses a ticket whose link is not http(s)', () => {
    const hostile = { ...zendesk, attachment: { ...zendesk.attachment, url: 'javascript:alert(1)' } };
    expect(() => attachmentPayload('01HINC', hostile)).toThrow(AppError);
  });
});

describe('linkPreview (issue 14 §7)', () => {
  it('shows exactly the URL and title that will be stored, not the page’s other URL of the ticket', () => {
    const differs = { ...zendesk, url: 'https://acme.zendesk.com/agent/tickets/48213', attachment: { ...zendesk.attachment, url: 'https://acme.zendesk.com/agent/tickets/48213?stored=1' } };
    const { resource } = attachmentPayload('01HINC', differs);
    expect(linkPreview(differs)).toEqual({ title: resource.title, url: resource.url });
    expect(linkPreview({ ...zendesk, attachment: { ...zendesk.attachment, url: 'javascript:alert(1)' } })).toBeNull();
  });
});
