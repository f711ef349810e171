import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { IncidentAttachment } from '@/lib/incident-io/schemas';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { connectionItem, settingsItem } from '@/lib/storage';
import type { IncidentIoClient } from './client';
import { writeTicketCount } from './ticket-count';

const editIncident = vi.fn();
const client = { editIncident } as unknown as IncidentIoClient;
const link = (n: number, resource_type = 'zendesk_ticket'): IncidentAttachment => ({
  id: `att-${n}`, incident_id: 'inc-1',
  resource: { external_id: String(n), permalink: `https://acme.zendesk.com/agent/tickets/${n}`, title: `#${n}`, resource_type },
});
const identity = (roles: string[]) => ({ name: 'Support key', dashboard_url: 'https://app.incident.io/acme', roles });

beforeEach(async () => {
  fakeBrowser.reset();
  editIncident.mockReset();
  await settingsItem.set({ ...DEFAULT_SETTINGS, ticketCountFieldId: 'cf-tickets' });
  await connectionItem.set({ baseUrl: 'https://api.incident.io', identity: identity(['viewer', 'incident_editor']) });
});

describe('writing the ticket count back to incident.io', () => {
  it('writes the count of ticket links as listed now (not an increment) into the chosen numeric field', async () => {
    expect(await writeTicketCount(client, 'inc-1', [link(1), link(2), link(3, 'statuspage_incident')])).toBe('written');
    expect(editIncident).toHaveBeenCalledWith('inc-1', {
      incident: { custom_field_entries: [{ custom_field_id: 'cf-tickets', values: [{ value_numeric: '2' }] }] },
      notify_incident_channel: false,
    });
  });

  it('an unlink down to none writes 0', async () => {
    await writeTicketCount(client, 'inc-1', []);
    expect(editIncident.mock.calls[0]![1].incident.custom_field_entries[0].values).toEqual([{ value_numeric: '0' }]);
  });

  it('writes nothing without a chosen field, or with a key that lacks incident_editor', async () => {
    await settingsItem.set(DEFAULT_SETTINGS);
    expect(await writeTicketCount(client, 'inc-1', [link(1)])).toBe('skipped');
    await settingsItem.set({ ...DEFAULT_SETTINGS, ticketCountFieldId: 'cf-tickets' });
    await connectionItem.set({ baseUrl: 'https://api.incident.io', identity: identity(['viewer']) });
    expect(await writeTicketCount(client, 'inc-1', [link(1)])).toBe('skipped');
    expect(editIncident).not.toHaveBeenCalled();
  });
});

describe('the numeric fields Settings offers', () => {
  it('lists only numeric custom fields, id and name', async () => {
    vi.resetModules();
    const listCustomFields = vi.fn().mockResolvedValue([
      { id: 'cf-1', name: 'Tickets', description: '', field_type: 'numeric' },
      { id: 'cf-2', name: 'Affected product', description: '', field_type: 'single_select' },
      { id: 'cf-3', name: 'Cost', description: '', field_type: 'numeric' },
    ]);
    vi.doMock('./client', () => ({ connectedClient: async () => ({ listCustomFields }), rateLimitState: {} }));
    const { ticketCountHandlers } = await import('./ticket-count');
    const ctx = { level: 'agent' as const };
    expect(await ticketCountHandlers['customfields/numeric']({}, ctx as never)).toEqual({ fields: [{ id: 'cf-1', name: 'Tickets' }, { id: 'cf-3', name: 'Cost' }] });
  });
});
