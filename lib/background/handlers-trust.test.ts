import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CallContext } from '@/lib/messaging/handle';
import type { TicketRef } from '@/lib/panel-intent';
import { connectionItem, openIncidentsItem, panelIntentItem } from '@/lib/storage';
import { apiKeyItem } from './key-storage';
import { makeIncident } from './test-fixtures';

// Issue 14: what a security review of the help-desk boundary found, one test per finding.

const client = { getIncident: vi.fn(), listAttachments: vi.fn(), listIncidentUpdates: vi.fn(), listOpenIncidents: vi.fn() };
vi.mock('./client', () => ({ connectedClient: async () => client, changingConnection: (write: () => Promise<unknown>) => write(), rateLimitState: {} }));
const identity = { name: 'Support', dashboard_url: 'https://app.incident.io/acme', roles: ['viewer'] };
const sentTo = vi.fn();
vi.mock('@/lib/incident-io/client', () => ({
  createIncidentIoClient: (options: { baseUrl: string; apiKey: string }) => ({
    identity: async () => {
      sentTo(options.baseUrl, options.apiKey);
      return identity;
    },
  }),
}));
vi.mock('./side-panel', () => ({ openSidePanel: async () => true }));

const { handlers } = await import('./handlers');

const agent: CallContext = { level: 'agent' };
const ticketTab = 'https://acme.zendesk.com/agent/tickets/42';
let nextTab = 100;
/** A fresh tab (its own lookup bucket) showing Zendesk ticket 42. */
const page = (tabUrl = ticketTab): CallContext => ({ level: 'helpdesk', tabId: nextTab++, tabUrl });
const publicOne = makeIncident(123);

beforeEach(async () => {
  fakeBrowser.reset();
  vi.clearAllMocks();
  fakeBrowser.storage.local.setAccessLevel = vi.fn(async () => undefined);
  await openIncidentsItem.set({ incidents: [publicOne], fetchedAt: Date.now(), complete: true });
  client.getIncident.mockResolvedValue(publicOne);
  client.listIncidentUpdates.mockResolvedValue([]);
  client.listAttachments.mockResolvedValue([]);
  client.listOpenIncidents.mockResolvedValue([]);
});

describe('§2 lookups from one help-desk tab are rate limited', () => {
  it('200 lookups at once cost at most the burst (10) of incident.io calls, then say "too many lookups from this page"', async () => {
    const tab = page();
    const results = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => handlers['incidents/get']({ ref: `INC-${i + 1}` }, tab)));
    expect(client.getIncident.mock.calls.length).toBeLessThanOrEqual(10);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(190);
    expect(refused[0]?.reason.info).toMatchObject({ kind: 'rate_limited', message: expect.stringMatching(/^Too many lookups from this page\./) });
    // Another tab and the side panel keep their own budget.
    await expect(handlers['incidents/get']({ ref: 'INC-123' }, page())).resolves.toBeTruthy();
    for (let i = 0; i < 20; i++) await handlers['incidents/get']({ ref: 'INC-123' }, agent);
  });

  it('hover cards (two calls each) also cost at most the burst of calls', async () => {
    const tab = page();
    await Promise.allSettled(Array.from({ length: 200 }, () => handlers['incidents/card']({ ref: 'INC-123' }, tab)));
    expect(client.getIncident.mock.calls.length + client.listIncidentUpdates.mock.calls.length).toBeLessThanOrEqual(10);
  });

  it('a timeline read is one call (the incident a page just looked up is not fetched again)', async () => {
    const tab = page();
    await handlers['incidents/get']({ ref: 'INC-123' }, tab);
    await handlers['incidents/updates']({ incidentId: publicOne.id }, tab);
    expect(client.getIncident).toHaveBeenCalledTimes(1);
    expect(client.listIncidentUpdates).toHaveBeenCalledTimes(1);
  });
});

describe('§3 the stored key never follows a new base URL', () => {
  const connect = (apiKey: string, baseUrl: string, customEndpoint?: string) =>
    handlers['connection/connect']({ apiKey, baseUrl, ...(customEndpoint ? { customEndpoint } : {}) }, agent);

  beforeEach(async () => {
    await apiKeyItem.set('stored-secret');
    await connectionItem.set({ baseUrl: 'https://api.incident.io', identity });
  });

  it('a new origin with the key left empty is refused before anything is sent', async () => {
    await expect(connect('', 'https://api.incident.io.evil.example', 'api.incident.io.evil.example')).rejects.toMatchObject({
      info: { kind: 'bad_input', message: expect.stringContaining('enter the API key again') },
    });
    await expect(connect('', 'http://127.0.0.1:8787')).rejects.toMatchObject({ info: { message: expect.stringContaining('http://127.0.0.1:8787') } });
    expect(sentTo).not.toHaveBeenCalled();
    // The same origin re-validates the stored key.
    await connect('', 'https://api.incident.io/');
    expect(sentTo).toHaveBeenCalledWith('https://api.incident.io', 'stored-secret');
  });

  it('a host other than incident.io or loopback needs the host confirmed as a custom endpoint', async () => {
    await expect(connect('typed-key', 'https://api.incident.io.evil.example')).rejects.toMatchObject({
      info: { message: expect.stringContaining('api.incident.io.evil.example is not incident.io') },
    });
    await expect(connect('typed-key', 'https://api.incident.io.evil.example', 'other.example')).rejects.toMatchObject({ info: { kind: 'bad_input' } });
    expect(sentTo).not.toHaveBeenCalled();
    await connect('typed-key', 'https://api.incident.io.evil.example', 'api.incident.io.evil.example');
    expect(sentTo).toHaveBeenCalledWith('https://api.incident.io.evil.example', 'typed-key');
    await connect('typed-key', 'http://127.0.0.1:8787');
    expect(sentTo).toHaveBeenLastCalledWith('http://127.0.0.1:8787', 'typed-key');
  });
});

describe('§4 a page may only name its own ticket', () => {
  it('listing another ticket’s links is refused; its own are served', async () => {
    await expect(handlers['attachments/list']({ externalId: '43' }, page())).rejects.toMatchObject({
      info: { kind: 'not_allowed', message: 'Help-desk pages can only look up their own ticket.' },
    });
    await expect(handlers['attachments/list']({ externalId: 'https://evil.example/agent/tickets/42' }, page())).rejects.toMatchObject({ info: { kind: 'not_allowed' } });
    await expect(handlers['attachments/list']({ externalId: '42' }, page('https://acme.zendesk.com/agent/dashboard'))).rejects.toMatchObject({ info: { kind: 'not_allowed' } });
    expect(client.listAttachments).not.toHaveBeenCalled();
    await expect(handlers['attachments/list']({ externalId: '42' }, page())).resolves.toEqual({ attachments: [] });
  });
});

describe('§5 the key is stored only once storage.local is closed to content scripts', () => {
  it('fails closed when setAccessLevel fails', async () => {
    fakeBrowser.storage.local.setAccessLevel = vi.fn(async () => {
      throw new Error('not supported');
    });
    await expect(handlers['connection/connect']({ apiKey: 'typed-key', baseUrl: 'https://api.incident.io' }, agent)).rejects.toMatchObject({
      info: { message: expect.stringContaining('the key was not saved') },
    });
    expect(await apiKeyItem.get()).toBeNull();
  });
});

const ticket = (overrides: Partial<TicketRef['attachment']> = {}, url = ticketTab): TicketRef => ({
  desk: 'zendesk', id: '42', subject: 'Checkout failing', url,
  attachment: { resourceType: 'zendesk_ticket', externalId: '42', title: 'Zendesk #42: Checkout failing', url: ticketTab, ...overrides },
});

describe('§6/§7 what a page may put in front of the agent', () => {
  it('a page cannot send a declare intent (it would replace the agent’s draft)', async () => {
    await expect(handlers['panel/open']({ kind: 'declare', prefill: { name: 'Page text' } }, page())).rejects.toMatchObject({ info: { kind: 'not_allowed' } });
    expect(await panelIntentItem.get()).toBeNull();
  });

  it('a link of another ticket, or one whose stored URL is on another origin, is refused', async () => {
    await expect(handlers['panel/open']({ kind: 'link-ticket', ticket: ticket({ url: 'https://evil.example/phish' }) }, page())).rejects.toMatchObject({ info: { kind: 'not_allowed' } });
    await expect(handlers['panel/open']({ kind: 'link-ticket', ticket: ticket({ externalId: '43' }) }, page())).rejects.toMatchObject({ info: { kind: 'not_allowed' } });
    await expect(handlers['panel/open']({ kind: 'link-ticket', ticket: ticket({}, 'https://evil.example/') }, page())).rejects.toMatchObject({ info: { kind: 'not_allowed' } });
    expect(await panelIntentItem.get()).toBeNull();
    await expect(handlers['panel/open']({ kind: 'link-ticket', ticket: ticket() }, page())).resolves.toEqual({ opened: true });
    await expect(handlers['panel/open']({ kind: 'incident', ref: 'INC-123' }, page())).resolves.toEqual({ opened: true });
  });
});

describe('helpdesk/active-tab offers only a ticket on the tab’s own origin', () => {
  const activeTabShows = (url: string | undefined, read: TicketRef) => {
    fakeBrowser.tabs.query = vi.fn(async () => [{ id: 7, url, index: 0, active: true, highlighted: true, pinned: false, incognito: false, windowId: 1 }]) as never;
    const asked = vi.fn(async () => ({ ticket: read, selection: '' }));
    fakeBrowser.tabs.sendMessage = asked as never;
    return asked;
  };
  const ask = () => handlers['helpdesk/active-tab']({ windowId: 1 }, agent);

  it('offers the ticket whose page and link URLs are on the tab’s origin', async () => {
    activeTabShows(ticketTab, ticket());
    await expect(ask()).resolves.toEqual({ tabId: 7, url: ticketTab, ticket: ticket() });
  });

  it('offers none whose page URL or stored link URL is on another origin', async () => {
    activeTabShows(ticketTab, ticket({}, 'https://evil.example/agent/tickets/42'));
    expect((await ask()).ticket).toBeNull();
    activeTabShows(ticketTab, ticket({ url: 'https://evil.example/agent/tickets/42' }));
    expect((await ask()).ticket).toBeNull();
  });

  it('offers none, and asks the page nothing, when the browser hides the tab’s URL (origin unverifiable)', async () => {
    const asked = activeTabShows(undefined, ticket());
    await expect(ask()).resolves.toEqual({ tabId: 7, url: null, ticket: null });
    expect(asked).not.toHaveBeenCalled();
  });
});

describe('§9 a timeline is listed for the incident whose visibility was checked', () => {
  it('lists with the verified incident’s id, not the id the page sent', async () => {
    // The page asks by reference; incident.io answers with the incident, whose own id is listed.
    await handlers['incidents/updates']({ incidentId: 'INC-123' }, page());
    expect(client.listIncidentUpdates).toHaveBeenCalledWith(publicOne.id);
  });
});
