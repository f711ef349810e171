import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followupsItem } from '@/lib/storage';
import { observe } from './followups';
import { makeIncident } from './test-fixtures';

const client = { getIncident: vi.fn(), listIncidentUpdates: vi.fn() };
vi.mock('./client', () => ({ connectedClient: async () => client, rateLimitState: {} }));
const { followupsForTicket, insertedFromTicket, sameTicketUrl } = await import('./followup-actions');

const TICKET_URL = 'https://acme.zendesk.com/agent/tickets/48213';
const resolved = makeIncident(123, { incident_status: { id: 'st-doc', name: 'Documenting', category: 'learning', rank: 4 } });
const link = {
  id: 'att-1', incident_id: resolved.id,
  resource: { external_id: '48213', permalink: TICKET_URL, title: 'Zendesk #48213: Checkout', resource_type: 'zendesk_ticket' },
};

beforeEach(async () => {
  fakeBrowser.reset();
  vi.clearAllMocks();
  client.getIncident.mockResolvedValue(resolved);
  client.listIncidentUpdates.mockResolvedValue([]);
  await followupsItem.set(observe({}, resolved, [link], 1).state);
});

describe('a ticket page\'s follow-ups', () => {
  it('the page showing the ticket gets its resolution text and can mark it done', async () => {
    const page = { level: 'helpdesk' as const, tabId: 3, tabUrl: `${TICKET_URL}?tab=reply#c2` };
    const [followup] = await followupsForTicket('48213', page);
    expect(followup).toMatchObject({ reference: 'INC-123', word: 'resolved', customerText: expect.stringContaining('Resolved.') });
    await insertedFromTicket(resolved.id, '48213', page);
    expect((await followupsItem.get())[resolved.id]?.tickets['48213']?.doneAt).toEqual(expect.any(Number));
  });

  it('another page asking about that ticket learns nothing and marks nothing', async () => {
    const other = { level: 'helpdesk' as const, tabId: 4, tabUrl: 'https://evil.example.com/agent/tickets/48213' };
    expect(await followupsForTicket('48213', other)).toEqual([]);
    await insertedFromTicket(resolved.id, '48213', other);
    expect((await followupsItem.get())[resolved.id]?.tickets['48213']?.doneAt).toBeNull();
    expect(client.getIncident).not.toHaveBeenCalled();
  });

  it('compares origin and path only', () => {
    expect(sameTicketUrl('https://acme.zendesk.com/agent/tickets/48213/', TICKET_URL)).toBe(true);
    expect(sameTicketUrl('https://acme.zendesk.com/agent/tickets/48214', TICKET_URL)).toBe(false);
    expect(sameTicketUrl(undefined, TICKET_URL)).toBe(false);
    expect(sameTicketUrl('not a url', TICKET_URL)).toBe(false);
  });
});
