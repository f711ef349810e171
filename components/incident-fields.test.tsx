// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { IncidentFields } from './incident-fields';
import type { Incident } from '@/lib/incident-io/schemas';

const incident = {
  id: 'I', reference: 'INC-1', name: 'x', visibility: 'public', mode: 'standard', slack_channel_id: '', created_at: '', updated_at: '',
  incident_status: { id: 's', name: 'Fixing', category: 'live', rank: 1 }, creator: {},
  incident_role_assignments: [{ role: { id: 'r', name: 'Incident Lead', role_type: 'lead' }, assignee: { id: 'u', name: 'Ana Ruiz' } }, { role: { id: 'r2', name: 'Reporter', role_type: 'reporter' } }],
  custom_field_entries: [
    { custom_field: { id: 'c', name: 'Affected customers', field_type: 'multi_select' }, values: [{ value_catalog_entry: { id: 'e1', name: 'Acme Corp' } }, { value_catalog_entry: { id: 'e2', name: 'Globex' } }] },
    { custom_field: { id: 't', name: 'Tickets', field_type: 'numeric' }, values: [{ value_numeric: '4' }] },
    { custom_field: { id: 'x', name: 'Runbook', field_type: 'link' }, values: [] },
  ],
} as Incident;

describe('IncidentFields', () => {
  it('names each role assignment and field value, skipping empty ones', () => {
    render(<IncidentFields incident={incident} />);
    const term = (name: string) => screen.getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(term('Incident Lead')).toBe('Ana Ruiz');
    expect(term('Affected customers')).toBe('Acme Corp, Globex');
    expect(term('Tickets')).toBe('4');
    expect(screen.queryByText('Runbook')).toBeNull();
    expect(screen.queryByText('Reporter')).toBeNull();
  });
});
