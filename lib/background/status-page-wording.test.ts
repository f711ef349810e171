import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { incidentLinksItem } from '@/lib/storage';
import { makeIncident } from './test-fixtures';

const client = { getStatusPageIncident: vi.fn(), listStatusPages: vi.fn() };
vi.mock('./client', () => ({ connectedClient: async () => client, rateLimitState: {} }));
const { resetStatusPageWording, statusPageWording } = await import('./status-page-wording');
const { incidentCard } = await import('./incident-card');

const incident = makeIncident(123, { name: 'Checkout failing (bad deploy by payments squad)' });
const statusAttachment = {
  id: 'att-sp', incident_id: incident.id,
  resource: { external_id: 'spi-1', permalink: 'https://status.acme.example/incidents/spi-1', title: 'Card payments failing', resource_type: 'statuspage_incident' },
};
const ticketAttachment = {
  id: 'att-t', incident_id: incident.id,
  resource: { external_id: '48213', permalink: 'https://acme.zendesk.com/agent/tickets/48213', title: 'Checkout', resource_type: 'zendesk_ticket' },
};
const spi = {
  id: 'spi-1', status_page_id: 'page-1', name: 'Card payments failing in Europe', published_at: '2026-03-12T13:00:00Z', incident_status: 'identified',
  updates: [
    { id: 'u2', status_page_incident_id: 'spi-1', published_at: '2026-03-12T14:05:00Z', message: 'We are **rolling back** a change.', incident_status: 'identified' },
    { id: 'u1', status_page_incident_id: 'spi-1', published_at: '2026-03-12T13:00:00Z', message: 'Investigating.', incident_status: 'investigating' },
  ],
};
const pages = [{ id: 'page-0', name: 'Other' }, { id: 'page-1', name: 'Acme Status', public_url: 'https://status.acme.example' }];

async function linksAt(fetchedAt: number, attachments = [statusAttachment, ticketAttachment]) {
  await incidentLinksItem.set({ byIncident: { [incident.id]: attachments }, fetchedAt });
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.clearAllMocks();
  resetStatusPageWording();
  client.getStatusPageIncident.mockResolvedValue(spi);
  client.listStatusPages.mockResolvedValue(pages);
  await linksAt(1000);
});

describe('status page wording for the customer text', () => {
  it('takes the public name, the latest public update and the page URL', async () => {
    expect(await statusPageWording(incident)).toEqual({
      name: 'Card payments failing in Europe', status: 'identified',
      latest: { message: 'We are **rolling back** a change.', published_at: '2026-03-12T14:05:00Z' },
      publicUrl: 'https://status.acme.example',
    });
    const text = incidentCard(incident, [], await statusPageWording(incident)).customerText;
    expect(text).toMatch(/^Update on "Card payments failing in Europe": We are rolling back a change\. \(Posted .*\) Follow updates at https:\/\/status\.acme\.example\/$/);
    expect(text).not.toContain('squad');
  });

  it('reads each once per poll, shared by concurrent asks; the next poll reads again', async () => {
    const spend = vi.fn();
    await Promise.all([statusPageWording(incident, { spend }), statusPageWording(incident, { spend }), statusPageWording(incident)]);
    expect(client.getStatusPageIncident).toHaveBeenCalledTimes(1);
    expect(client.listStatusPages).toHaveBeenCalledTimes(1);
    expect(spend).toHaveBeenCalledTimes(2);
    await linksAt(2000);
    await statusPageWording(incident, { spend });
    expect(client.getStatusPageIncident).toHaveBeenCalledTimes(2);
    expect(spend).toHaveBeenCalledTimes(4);
  });

  it('a refused lookup costs no call and is the caller\'s error', async () => {
    const refuse = () => { throw new Error('Too many lookups'); };
    await expect(statusPageWording(incident, { spend: refuse })).rejects.toThrow('Too many lookups');
    expect(client.getStatusPageIncident).not.toHaveBeenCalled();
  });

  it('without a status page incident: no call and today\'s template', async () => {
    await linksAt(1000, [ticketAttachment]);
    expect(await statusPageWording(incident)).toBeNull();
    expect(client.getStatusPageIncident).not.toHaveBeenCalled();
    expect(incidentCard(incident, [], null).customerText).toMatch(/^Update on "Checkout failing \(bad deploy by payments squad\)": We're investigating\./);
  });

  it('private, test and tutorial incidents: nothing is read', async () => {
    for (const overrides of [{ visibility: 'private' as const }, { mode: 'test' as const }, { mode: 'tutorial' as const }]) {
      expect(await statusPageWording({ ...incident, ...overrides })).toBeNull();
    }
    expect(client.getStatusPageIncident).not.toHaveBeenCalled();
  });

  it('a failed read falls back to the template and is tried again next time', async () => {
    client.getStatusPageIncident.mockRejectedValueOnce(new Error('503'));
    expect(await statusPageWording(incident)).toBeNull();
    expect((await statusPageWording(incident))?.name).toBe('Card payments failing in Europe');
    expect(client.getStatusPageIncident).toHaveBeenCalledTimes(2);
  });
});

describe('the resolution update', () => {
  const ended = { ...incident, incident_status: { id: 'st-res', name: 'Resolved', category: 'closed' as const, rank: 5 } };
  it('is the status page\'s resolution words once it says resolved, ending with its URL', async () => {
    const { resolutionTextOf } = await import('./followup-actions');
    client.getStatusPageIncident.mockResolvedValue({
      ...spi, incident_status: 'resolved',
      updates: [...spi.updates, { id: 'u3', status_page_incident_id: 'spi-1', published_at: '2026-03-12T15:00:00Z', message: 'Payments are working again.', incident_status: 'resolved' }],
    });
    expect(await resolutionTextOf(ended, [])).toMatch(/^Update on "Card payments failing in Europe": Payments are working again\. .*Follow updates at https:\/\/status\.acme\.example\/$/);
  });

  it('is today\'s resolution template while the status page still says otherwise', async () => {
    const { resolutionTextOf } = await import('./followup-actions');
    expect(await resolutionTextOf(ended, [])).toMatch(/: Resolved\. .*The issue is fixed\. Thank you for your patience\.$/);
  });
});
