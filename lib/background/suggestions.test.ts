import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CallContext } from '@/lib/messaging/handle';
import { protocol } from '@/lib/messaging/protocol';
import { openIncidentsItem, panelIntentItem } from '@/lib/storage';
import { makeIncident } from './test-fixtures';

const client = { listCustomFields: vi.fn(), listCatalogTypes: vi.fn(), listCatalogEntries: vi.fn(), listIncidentUpdates: vi.fn() };
vi.mock('./client', () => ({ connectedClient: async () => client, rateLimitState: {} }));

vi.mock('./side-panel', () => ({ openSidePanel: async () => true }));

const { handlers } = await import('./handlers');

const tab = (n: number): CallContext => ({ level: 'helpdesk', tabId: n, tabUrl: `https://acme.zendesk.com/agent/tickets/${n}#comment` });
const acmeEntry = { id: 'ce-acme', name: 'Acme Corp', aliases: ['acme.com'] };
const checkout = makeIncident(101, {
  id: 'inc-checkout', name: 'Checkout returning 502 errors', summary: 'Card payments fail with 502 Bad Gateway.',
});
const sso = makeIncident(102, {
  id: 'inc-sso', name: 'SSO login failures', summary: 'Okta SAML logins rejected.',
  custom_field_entries: [{
    custom_field: { id: 'cf-customers', name: 'Affected customers', field_type: 'multi_select' },
    values: [{ value_catalog_entry: acmeEntry }],
  }],
});
const secret = makeIncident(103, { id: 'inc-secret', name: 'Checkout fraud 502 payments', visibility: 'private' });
const drill = makeIncident(104, { id: 'inc-drill', name: 'Checkout 502 payments drill', mode: 'test' });

beforeEach(async () => {
  fakeBrowser.reset();
  vi.clearAllMocks();
  client.listCustomFields.mockResolvedValue([
    { id: 'cf-customers', name: 'Affected customers', field_type: 'multi_select', catalog_type_id: 'ct-customers' },
  ]);
  client.listCatalogTypes.mockResolvedValue([{ id: 'ct-customers', name: 'Customer', type_name: 'Custom["Customer"]', categories: ['customer'] }]);
  client.listCatalogEntries.mockResolvedValue({ entries: [{ ...acmeEntry, catalog_type_id: 'ct-customers' }] });
  client.listIncidentUpdates.mockResolvedValue([]);
  await openIncidentsItem.set({ incidents: [checkout, sso, secret, drill], fetchedAt: Date.now(), complete: true });
});

const ask = async (payload: Parameters<typeof handlers['suggestions/ticket']>[0], ctx: CallContext) =>
  // What the router sends back: parsed with the protocol's response schema.
  protocol['suggestions/ticket'].response.parse(await handlers['suggestions/ticket'](payload, ctx));

describe('suggestions/ticket', () => {
  it('ranks public, real incidents only and says which words matched', async () => {
    const reply = await ask({ subject: 'Checkout broken', text: 'card payments fail with 502' }, tab(1));
    expect(reply.suggestions.map((s) => [s.incident.reference, s.reason])).toEqual([['INC-101', 'text']]);
    expect(reply.suggestions[0]!.matched).toEqual(expect.arrayContaining(['checkout', '502']));
    // The projection: no summary or Slack channel reaches the page.
    expect(reply.suggestions[0]!.incident).not.toHaveProperty('summary');
    expect(reply.spike).toBeNull();
  });

  it('puts an incident listing the requester’s organisation first, looked up once per 10 minutes', async () => {
    const ticket = { subject: 'Checkout broken', text: 'card payments fail with 502', requester: { email: 'jo@acme.com' } };
    const reply = await ask(ticket, tab(1));
    expect(reply.suggestions.map((s) => [s.incident.reference, s.reason, s.customerLine])).toEqual([
      ['INC-102', 'customer', 'acme.com is listed as affected'], ['INC-101', 'text', undefined],
    ]);
    expect(client.listCatalogEntries).toHaveBeenCalledWith({ catalogTypeId: 'ct-customers', identifier: 'acme.com' });
    await ask(ticket, tab(2));
    expect(client.listCustomFields).toHaveBeenCalledTimes(1);
    expect(client.listCatalogEntries).toHaveBeenCalledTimes(1);
  });

  it('reads each incident’s latest update, once per change of the incident, so its words match too', async () => {
    const update = (id: string, message: string) => ({ id: `u-${id}`, incident_id: id, created_at: new Date().toISOString(), message });
    client.listIncidentUpdates.mockImplementation(async (id: string) => (id === 'inc-sso'
      ? [update(id, 'Investigating.'), update(id, 'Logins that use two-factor codes by SMS fail for most carriers.')]
      : []));
    // Changed since any earlier test read them (the background keeps what it read for its life).
    const start = Date.now();
    const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
    const list = (...incidents: typeof checkout[]) => openIncidentsItem.set({ incidents, fetchedAt: Date.now(), complete: true });
    await list({ ...checkout, updated_at: at(1) }, { ...sso, updated_at: at(1) }, secret, drill);
    // By its name alone ("SSO login failures") this ticket is not about INC-102; by its update it is.
    const ticket = { subject: 'Login failing', text: 'my login fails, the two-factor code by SMS never arrives' };
    expect((await ask(ticket, tab(1))).suggestions.map((s) => s.incident.reference)).toEqual(['INC-102']);
    // Suggestable incidents only: the private and the test incident's updates are never read.
    expect(client.listIncidentUpdates.mock.calls.map(([id]) => id).sort()).toEqual(['inc-checkout', 'inc-sso']);

    // Another ticket, the same incidents: nothing fetched again.
    await ask({ subject: 'SMS codes', text: 'two-factor SMS' }, tab(2));
    expect(client.listIncidentUpdates).toHaveBeenCalledTimes(2);

    // The incident changed (a new update): its update is read again, and only its; the index follows.
    client.listIncidentUpdates.mockImplementation(async (id: string) => [update(id, 'The identity provider timeout is fixed.')]);
    await list({ ...checkout, updated_at: at(1) }, { ...sso, updated_at: at(2) }, secret, drill);
    expect((await ask(ticket, tab(3))).suggestions).toEqual([]);
    expect(client.listIncidentUpdates).toHaveBeenCalledTimes(3);
  });

  it('suggests by name and summary when updates can’t be read', async () => {
    client.listIncidentUpdates.mockRejectedValue(new Error('403'));
    const reply = await ask({ subject: 'Checkout broken', text: 'card payments fail with 502' }, tab(1));
    expect(reply.suggestions.map((s) => s.incident.reference)).toEqual(['INC-101']);
  });

  it('still suggests by text when the catalog can’t be read (a key without catalog scopes)', async () => {
    client.listCatalogTypes.mockRejectedValue(new Error('403'));
    const reply = await ask({ subject: 'Checkout broken', text: '502 on card payments', requester: { email: 'jo@acme.com' } }, tab(1));
    expect(reply.suggestions.map((s) => s.incident.reference)).toEqual(['INC-101']);
  });

  it('offers a spike after 3 similar tickets that match no open incident, in different tabs', async () => {
    const tickets = [
      { subject: 'Export stuck', text: 'I exported my orders to CSV 3 hours ago and it still says "Processing".' },
      { subject: 'CSV export not working', text: 'export of products as csv is spinning forever. processing...' },
      { subject: 'order export', text: 'I need my orders as a spreadsheet but the export has been "processing" since lunch.' },
    ];
    expect((await ask(tickets[0]!, tab(1))).spike).toBeNull();
    expect((await ask(tickets[1]!, tab(2))).spike).toBeNull();
    const { spike, suggestions } = await ask(tickets[2]!, tab(3));
    expect(suggestions).toEqual([]);
    expect(spike?.count).toBe(3);
    expect(spike?.tickets).toContainEqual({ title: 'Export stuck', url: 'https://acme.zendesk.com/agent/tickets/1' });
  });

  it('declaring from the spike prefills the form with the viewed tickets to link, sending nothing', async () => {
    for (const [i, subject] of ['Export stuck', 'CSV export not working', 'order export'].entries()) {
      await ask({ subject, text: 'the csv export of our orders is stuck in processing' }, tab(i + 1));
    }
    expect(await handlers['spike/declare']({}, tab(3))).toEqual({ opened: true });
    const intent = await panelIntentItem.get();
    expect(intent?.kind).toBe('declare');
    if (intent?.kind !== 'declare') return;
    expect(intent.prefill.name).toMatch(/export/);
    expect(intent.prefill.summary).toContain('- Export stuck: https://acme.zendesk.com/agent/tickets/1');
    expect(intent.prefill.linkTickets?.map((t) => t.attachment)).toContainEqual({
      resourceType: 'zendesk_ticket', externalId: '1', title: 'Zendesk #1: Export stuck', url: 'https://acme.zendesk.com/agent/tickets/1',
    });
    expect(client.listCatalogEntries).not.toHaveBeenCalled();
    // From a ticket that is not part of a spike: nothing to declare.
    await expect(handlers['spike/declare']({}, tab(9))).rejects.toMatchObject({ info: { kind: 'bad_input' } });
  });

  it('a page can’t send its own declare intent, let alone tickets to link (only spike/declare can)', async () => {
    const ticket = {
      desk: 'zendesk', id: '5', subject: 's', url: 'https://acme.zendesk.com/agent/tickets/5',
      attachment: { resourceType: 'zendesk_ticket' as const, externalId: '5', title: 't', url: 'https://acme.zendesk.com/agent/tickets/5' },
    };
    await expect(handlers['panel/open']({ kind: 'declare', prefill: { name: 'x', linkTickets: [ticket] } }, tab(5)))
      .rejects.toMatchObject({ info: { kind: 'not_allowed' } });
    expect(await panelIntentItem.get()).toBeNull();
  });

  it('keeps no viewed tickets for extension pages (no browser-stamped ticket)', async () => {
    const reply = await ask({ subject: 'Export stuck', text: 'csv export processing' }, { level: 'agent' });
    expect(reply.spike).toBeNull();
    expect(await fakeBrowser.storage.session.get('viewedTickets')).toEqual({});
  });
});
