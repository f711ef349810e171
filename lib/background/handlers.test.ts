import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CallContext } from '@/lib/messaging/handle';
import { openIncidentsItem } from '@/lib/storage';
import { makeIncident } from './test-fixtures';

const client = { getIncident: vi.fn(), listAttachments: vi.fn(), listIncidentUpdates: vi.fn(), deleteAttachment: vi.fn() };
vi.mock('./client', () => ({ connectedClient: async () => client, rateLimitState: {} }));

const { handlers } = await import('./handlers');

const agent: CallContext = { level: 'agent' };
const helpdesk: CallContext = { level: 'helpdesk', tabId: 4 };
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
      answers.push((await handlers['attachments/list']({ externalId: String(40 + tab) }, { level: 'helpdesk', tabId: tab })).attachments);
    }
    // Two open incidents (one private): two calls, whatever the number of tickets.
    expect(client.listAttachments).toHaveBeenCalledTimes(2);
    expect(client.listAttachments).not.toHaveBeenCalledWith(expect.objectContaining({ externalId: expect.anything() }));
    expect(answers.map((list) => list.length)).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('concurrent asks share one refresh', async () => {
    client.listAttachments.mockResolvedValue([]);
    await Promise.all(Array.from({ length: 5 }, (_, tab) => handlers['attachments/list']({ externalId: String(tab) }, { level: 'helpdesk', tabId: tab })));
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
