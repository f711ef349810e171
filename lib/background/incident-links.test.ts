import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IncidentIoError } from '@/lib/incident-io/errors';
import type { IncidentAttachment } from '@/lib/incident-io/schemas';
import { followupsItem, incidentLinksItem } from '@/lib/storage';
import { makeIncident, status } from './test-fixtures';

const client = { listAttachments: vi.fn(), getIncident: vi.fn() };
vi.mock('./client', () => ({ connectedClient: async () => client, rateLimitState: {} }));
const { linksForTicket, refreshIncidentLinks } = await import('./incident-links');

const checkout = makeIncident(42);
const login = makeIncident(43);
const resolved = { id: 'st-doc', name: 'Documenting', category: 'learning', rank: 4 };
const link = (incident_id: string, n: number): IncidentAttachment => ({
  id: `att-${incident_id}-${n}`, incident_id,
  resource: { external_id: String(n), permalink: `https://acme.zendesk.com/agent/tickets/${n}`, title: `Zendesk #${n}: x`, resource_type: 'zendesk_ticket' },
});

beforeEach(() => {
  fakeBrowser.reset();
  vi.clearAllMocks();
  client.listAttachments.mockImplementation(async ({ incidentId }: { incidentId: string }) =>
    incidentId === checkout.id ? [link(checkout.id, 1), link(checkout.id, 2)] : [link(login.id, 3)]);
});

describe('links per incident, once per poll', () => {
  it('one request per open incident, whatever the number of callers; tickets are answered from the store', async () => {
    await Promise.all([refreshIncidentLinks([checkout, login]), refreshIncidentLinks([checkout, login])]);
    expect(client.listAttachments).toHaveBeenCalledTimes(2);
    const fresh = async () => [checkout, login];
    expect((await linksForTicket('2', 60_000, fresh)).map((a) => a.incident_id)).toEqual([checkout.id]);
    expect(await linksForTicket('99', 60_000, fresh)).toEqual([]);
    expect(client.listAttachments).toHaveBeenCalledTimes(2);
  });

  it('a failed read keeps that incident\'s previous links', async () => {
    await refreshIncidentLinks([checkout, login]);
    client.listAttachments.mockRejectedValueOnce(new IncidentIoError('server'));
    await refreshIncidentLinks([checkout, login]);
    expect((await incidentLinksItem.get()).byIncident[checkout.id]).toHaveLength(2);
  });

  it('a linked incident that leaves the open list resolved: read once, queued, notified once', async () => {
    await refreshIncidentLinks([checkout, login]);
    client.getIncident.mockResolvedValue({ ...checkout, incident_status: resolved });
    await refreshIncidentLinks([login]);
    expect(client.getIncident).toHaveBeenCalledWith(checkout.id);
    const shown = Object.values(fakeBrowser.notifications.getAllCreateOptions());
    expect(shown).toEqual([expect.objectContaining({ title: 'INC-42 resolved', message: '2 linked tickets to update' })]);
    await refreshIncidentLinks([login]);
    expect(Object.values(fakeBrowser.notifications.getAllCreateOptions())).toHaveLength(1);
  });

  it('a followed incident that is gone (not found) is dropped, not asked about forever', async () => {
    await refreshIncidentLinks([checkout, login]);
    client.getIncident.mockRejectedValue(new IncidentIoError('not_found'));
    await refreshIncidentLinks([login]);
    expect((await followupsItem.get())[checkout.id]).toBeUndefined();
    client.getIncident.mockClear();
    await refreshIncidentLinks([login]);
    expect(client.getIncident).not.toHaveBeenCalled();
  });

  it('monitoring counts as an end while still open', async () => {
    await refreshIncidentLinks([checkout]);
    await refreshIncidentLinks([{ ...checkout, incident_status: status.monitoring }]);
    expect(Object.values(fakeBrowser.notifications.getAllCreateOptions())).toEqual([expect.objectContaining({ title: 'INC-42 monitoring' })]);
  });
});
