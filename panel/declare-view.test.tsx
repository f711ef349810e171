// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { incidentTypes, severities, statuses } from '@/components/test-fixtures';
import { EMPTY_DECLARE_DRAFT } from '@/lib/declare-draft';
import type { ManagedConfig } from '@/lib/managed';
import { declareDraftItem } from '@/lib/storage';

// Issue 13 §5: the organisation's policy sets the declare form's default severity and incident type.

let managed: ManagedConfig = {};
vi.mock('./use-managed', () => ({ useManagedConfig: () => managed }));
vi.mock('./use-org', () => ({
  useOrg: () => ({
    capabilities: { canCreate: true }, severities, types: incidentTypes, statuses, mapping: {}, connection: { data: { identity: null } },
  }),
}));
const send = vi.fn(async (type: string, _payload?: unknown): Promise<unknown> => {
  if (type === 'fields/list') return { fields: [] };
  if (type === 'incidents/create') return { incident: { id: '01NEW', reference: 'INC-900' } };
  throw new Error(`unexpected ${type}`);
});
vi.mock('@/lib/messaging/send', () => ({ send: (type: string, payload: unknown) => send(type, payload) }));

const { DeclareView } = await import('./declare-view');

beforeEach(() => {
  fakeBrowser.reset();
  send.mockClear();
  managed = {};
});
afterEach(cleanup);

function renderView() {
  render(<QueryClientProvider client={new QueryClient()}><DeclareView /></QueryClientProvider>);
}
const select = async (name: string) => (await screen.findByRole('combobox', { name })) as HTMLSelectElement;

describe('the declare form and the organisation’s defaults', () => {
  it('a new draft starts from the policy’s severity (by name, any case) and incident type (by id)', async () => {
    managed = { defaultSeverity: 'critical', defaultIncidentType: 'type-customer' };
    renderView();
    expect((await select('Severity')).value).toBe('sev-critical');
    expect((await select('Incident type')).value).toBe('type-customer');
  });

  it('the prefilled defaults are what is declared when the agent leaves them', async () => {
    managed = { defaultSeverity: 'Major', defaultIncidentType: 'Default' };
    renderView();
    fireEvent.change(await screen.findByRole('textbox', { name: 'Name' }), { target: { value: 'Checkout failing' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Summary' }), { target: { value: 'EU cards declined' } });
    fireEvent.click(screen.getByRole('button', { name: 'Declare' }));
    await waitFor(() => expect(send).toHaveBeenCalledWith('incidents/create', expect.anything()));
    const [, request] = send.mock.calls.find(([type]) => type === 'incidents/create')!;
    expect(request).toMatchObject({ payload: { severity_id: 'sev-major', incident_type_id: 'type-default', name: 'Checkout failing' } });
  });

  it('a draft the agent already has keeps its own choice', async () => {
    managed = { defaultSeverity: 'Critical', defaultIncidentType: 'type-customer' };
    await declareDraftItem.set({ draft: { ...EMPTY_DECLARE_DRAFT, name: 'Mine', severityId: 'sev-minor', incidentTypeId: 'type-default' }, idempotencyKey: 'copilot-mine' });
    renderView();
    expect((await select('Severity')).value).toBe('sev-minor');
    expect((await select('Incident type')).value).toBe('type-default');
  });

  it('a default the organisation does not have selects nothing', async () => {
    managed = { defaultSeverity: 'Catastrophic' };
    renderView();
    expect((await select('Severity')).value).toBe('');
  });
});
