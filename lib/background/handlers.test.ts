import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CallContext } from '@/lib/messaging/handle';
import { openIncidentsItem } from '@/lib/storage';
import { workspacesItem } from './key-storage';
import { makeIncident } from './test-fixtures';

const client = { getIncident: vi.fn(), listAttachments: vi.fn(), listIncidentUpdates: vi.fn(), deleteAttachment: vi.fn() };
vi.mock('./client', () => ({ connectedClient: async () => client, rateLimitState: {} }));

const { handlers } = await import('./handlers');

const agent: CallContext = { level: 'agent' };
const helpdesk: CallContext = { level: 'helpdesk', tabId: 4, tabUrl: 'https://acme.zendesk.com/agent/tickets/42' };
const publicOne = makeIncident(123);
const privateOne = makeIncident(128, { id: '01HZZZZZZZZZZZZZZZZZZZZ128', visibility: 'private' });

beforeEach(async () => {
  fakeBrowser.reset();
  vi.clearAllMocks();
  await openIncidentsItem.set({ incidents: [publicOne, privateOne], fetchedAt: Date.now(), complete: true });
});

describe('the side panel\'s fill', () => {
  it('answers when the shared cache was filled, without the list (the panel reads it from storage)', async () => {
    const reply = await handlers['incidents/fill']({}, agent);
    expect(reply).toEqual({ fetchedAt: expect.any(Number), complete: true });
    expect(client.getIncident).not.toHaveBeenCalled();
  });
});

describe('what help-desk pages may read', () => {
  it('open incidents: agents see all, help-desk pages only public ones', async () => {
    expect((await handlers['incidents/open']({}, agent)).incidents).toHaveLength(2);
    expect((await handlers['incidents/open']({}, helpdesk)).incidents.map((i) => i.reference)).toEqual(['INC-123']);
  });

  it('a private incident looked up from a help-desk page is "not found", exactly as for an unknown one', async () => {
    client.getIncident.mockResolvedValue(privateOne);
    await expect(handlers['incidents/get']({ ref: 'INC-128' }, helpdesk)).rejects.toMatchObject({
      info: { kind: 'not_found', message: expect.stringContaining('INC-123') },
    });
    await expect(handlers['incidents/get']({ ref: 'INC-128' }, agent)).resolves.toEqual({ incident: privateOne });
  });

  it('the timeline of a private incident is not served to a help-desk page', async () => {
    client.getIncident.mockResolvedValue(privateOne);
    client.listIncidentUpdates.mockResolvedValue([]);
    await expect(handlers['incidents/updates']({ incidentId: privateOne.id }, helpdesk)).rejects.toMatchObject({ info: { kind: 'not_found' } });
    expect(client.listIncidentUpdates).not.toHaveBeenCalled();
  });

  it('ticket links of private incidents are dropped for help-desk pages', async () => {
    const link = (incident_id: string) => ({
      id: `att-${incident_id}`, incident_id,
      resource: { external_id: '42', permalink: 'https://acme.zendesk.com/agent/tickets/42', title: 'Ticket 42', resource_type: 'zendesk_ticket' },
    });
    client.listAttachments.mockImplementation(async ({ incidentId }: { incidentId: string }) => [link(incidentId)]);
    const { attachments } = await handlers['attachments/list']({ externalId: '42' }, helpdesk);
    expect(attachments.map((a) => a.incident_id)).toEqual([publicOne.id]);
  });

  it('a malformed reference is answered with the seed’s "IDs look like INC-123" advice', async () => {
    await expect(handlers['incidents/get']({ ref: 'checkout' }, agent)).rejects.toMatchObject({
      info: { message: expect.stringContaining('look like INC-123') },
    });
  });
});

describe('ticket links shared by every help-desk tab', () => {
  const link = (incident_id: string, ticket: string) => ({
    id: `att-${incident_id}-${ticket}`, incident_id,
    resource: { external_id: ticket, permalink: `https://acme.zendesk.com/agent/tickets/${ticket}`, title: `Ticket ${ticket}`, resource_type: 'zendesk_ticket' },
  });

  it('tabs of many different tickets cost one call per open incident per poll interval, not one per ticket', async () => {
    client.listAttachments.mockImplementation(async ({ incidentId }: { incidentId: string }) =>
      incidentId === publicOne.id ? [link(publicOne.id, '40'), link(publicOne.id, '41')] : []);
    const answers = [];
    for (let tab = 0; tab < 10; tab++) {
      answers.push((await handlers['attachments/list']({ externalId: String(40 + tab) }, { level: 'helpdesk', tabId: tab, tabUrl: `https://acme.zendesk.com/agent/tickets/${40 + tab}` })).attachments);
    }
    // Two open incidents (one private): two calls, whatever the number of tickets.
    expect(client.listAttachments).toHaveBeenCalledTimes(2);
    expect(client.listAttachments).not.toHaveBeenCalledWith(expect.objectContaining({ externalId: expect.anything() }));
    expect(answers.map((list) => list.length)).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('concurrent asks share one refresh', async () => {
    client.listAttachments.mockResolvedValue([]);
    await Promise.all(Array.from({ length: 5 }, (_, tab) => handlers['attachments/list']({ externalId: String(tab) }, { level: 'helpdesk', tabId: tab, tabUrl: `https://acme.zendesk.com/agent/tickets/${tab}` })));
    expect(client.listAttachments).toHaveBeenCalledTimes(2);
  });

  it('an unlink from this browser shows in every tab at once, re-reading only that incident', async () => {
    client.listAttachments.mockImplementation(async ({ incidentId }: { incidentId: string }) =>
      incidentId === publicOne.id ? [link(publicOne.id, '42')] : []);
    expect((await handlers['attachments/list']({ externalId: '42' }, helpdesk)).attachments).toHaveLength(1);
    client.listAttachments.mockResolvedValue([]);
    await handlers['attachments/delete']({ id: `att-${publicOne.id}-42`, incidentId: publicOne.id }, agent);
    expect(client.listAttachments).toHaveBeenLastCalledWith({ incidentId: publicOne.id });
    expect(client.listAttachments).toHaveBeenCalledTimes(3);
    expect((await handlers['attachments/list']({ externalId: '42' }, helpdesk)).attachments).toHaveLength(0);
    expect(client.listAttachments).toHaveBeenCalledTimes(3);
  });
});

describe('what a help-desk page receives about an incident (the projection)', () => {
  const self = { runtimeId: 'copilot-id', origin: 'chrome-extension://copilot-id' };
  const page = { id: 'copilot-id', url: 'https://acme.zendesk.com/agent/tickets/42', tab: { id: 4, url: 'https://acme.zendesk.com/agent/tickets/42' } };
  const panel = { id: 'copilot-id', url: 'chrome-extension://copilot-id/sidepanel.html' };
  const secretive = makeIncident(123, {
    summary: 'Root cause: the payments squad\'s deploy', call_url: 'https://meet.example.com/war-room', slack_channel_name: 'inc-123-secret',
    permalink: 'https://app.incident.io/acme/incidents/123',
    incident_role_assignments: [{ role: { id: 'r', name: 'Lead', role_type: 'lead' }, assignee: { id: 'u', name: 'Priya', email: 'priya@acme.example' } }],
    creator: { user: { id: 'u', name: 'Priya', email: 'priya@acme.example' } },
  });
  const leaks = (data: unknown) => {
    const json = JSON.stringify(data);
    return ['Root cause', 'war-room', 'inc-123-secret', 'priya', 'C123', 'incident_role_assignments', 'creator', 'summary', 'permalink'].filter((s) => json.includes(s));
  };

  it('incidents/get, incidents/open and incidents/card answer a page with the projection only; the panel still gets it all', async () => {
    const { createRouter } = await import('@/lib/messaging/handle');
    const route = createRouter(handlers, self);
    client.getIncident.mockResolvedValue(secretive);
    client.listIncidentUpdates.mockResolvedValue([]);
    await openIncidentsItem.set({ incidents: [secretive], fetchedAt: Date.now(), complete: true });
    for (const [type, payload] of [['incidents/get', { ref: 'INC-123' }], ['incidents/open', {}], ['incidents/card', { ref: 'INC-123' }]] as const) {
      const reply = await route({ type, payload }, page);
      expect(reply).toMatchObject({ ok: true });
      expect(leaks(reply), type).toEqual([]);
    }
    const full = await route({ type: 'incidents/get', payload: { ref: 'INC-123' } }, panel);
    expect(leaks(full)).toContain('Root cause');
  });

  it('a handler that forgot to project sends a page an error, never the whole incident', async () => {
    const { createRouter } = await import('@/lib/messaging/handle');
    const route = createRouter({ ...handlers, 'incidents/get': async () => ({ incident: secretive }) }, self);
    const reply = await route({ type: 'incidents/get', payload: { ref: 'INC-123' } }, page);
    expect(reply).toMatchObject({ ok: false });
    expect(leaks(reply)).toEqual([]);
  });
});

describe('one read for a card', () => {
  it('incidents/card: the incident and its latest update in one answer, from two API calls, the updates of the verified incident', async () => {
    client.getIncident.mockResolvedValue(publicOne);
    client.listIncidentUpdates.mockResolvedValue([
      { id: 'u1', incident_id: publicOne.id, created_at: '2026-03-10T11:10:00Z', message: 'older', new_incident_status: publicOne.incident_status, updater: {} },
      { id: 'u2', incident_id: publicOne.id, created_at: '2026-03-10T11:20:00Z', message: 'Rolled back.', new_incident_status: publicOne.incident_status, updater: {} },
    ]);
    const card = await handlers['incidents/card']({ ref: 'INC-123' }, helpdesk);
    expect(card.incident.latest_update).toEqual({ message: 'Rolled back.', created_at: '2026-03-10T11:20:00Z' });
    expect(card.customerText).toMatch(/^Update on "Incident 123": We're investigating\. Last updated 11:20 UTC/);
    expect(client.getIncident).toHaveBeenCalledTimes(1);
    expect(client.listIncidentUpdates).toHaveBeenCalledTimes(1);
    expect(client.listIncidentUpdates).toHaveBeenCalledWith(publicOne.id);
  });

  it('names the active workspace on the card when the agent has several (INC-123 may exist in each), and none with one', async () => {
    client.getIncident.mockResolvedValue(publicOne);
    client.listIncidentUpdates.mockResolvedValue([]);
    // Tabs of their own: each card spends two of its tab's lookups.
    expect((await handlers['incidents/card']({ ref: 'INC-123' }, { ...helpdesk, tabId: 71 })).incident.workspace).toBeUndefined();
    const identity = (name: string) => ({ name, dashboard_url: 'https://app.incident.io/x', roles: ['viewer'] });
    await workspacesItem.set({ activeId: 'w2', list: [
      { id: 'w1', baseUrl: 'https://api.incident.io', identity: identity('Acme support'), apiKey: 'key-1' },
      { id: 'w2', baseUrl: 'https://api.incident.io', identity: identity('Globex support'), apiKey: 'key-2' },
    ] });
    expect((await handlers['incidents/card']({ ref: 'INC-123' }, { ...helpdesk, tabId: 72 })).incident.workspace).toEqual({ name: 'Globex support', active: true });
  });

  it('a private incident has no card for a page, and its updates are never read', async () => {
    client.getIncident.mockResolvedValue(privateOne);
    await expect(handlers['incidents/card']({ ref: 'INC-128' }, helpdesk)).rejects.toMatchObject({ info: { kind: 'not_found' } });
    expect(client.listIncidentUpdates).not.toHaveBeenCalled();
  });
});

describe('the side panel\'s reply uses the one customer-text builder', () => {
  it('strips an attacker-chosen link from the name, exactly as the strip\'s "Insert update" does', async () => {
    const hostile = makeIncident(140, { name: 'Checkout [reset your password](https://evil.example/login) failing' });
    client.getIncident.mockResolvedValue(hostile);
    client.listIncidentUpdates.mockResolvedValue([]);
    const { insertStatusUpdate } = await import('./reply-insert');
    const outcome = await insertStatusUpdate(hostile.id, 99);
    const card = await handlers['incidents/card']({ ref: 'INC-140' }, helpdesk);
    expect(outcome.text).toBe(card.customerText);
    expect(outcome.text).not.toMatch(/evil|https?:|\]\(/);
  });
});
