import type { Incident, IncidentStatus, IncidentType, IncidentUpdate, Severity } from '@/lib/incident-io/schemas';

// Shared test data for component tests: small, schema-shaped objects with overridable fields.

export const NOW = Date.parse('2026-03-10T12:00:00Z');
export const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();

export const statuses: IncidentStatus[] = [
  { id: 'st-triage', name: 'Triage', category: 'triage', rank: 0 },
  { id: 'st-investigating', name: 'Investigating', category: 'live', rank: 1 },
  { id: 'st-monitoring', name: 'Monitoring', category: 'live', rank: 2 },
  { id: 'st-paused', name: 'Paused', category: 'paused', rank: 3 },
  { id: 'st-postmortem', name: 'Post-mortem', category: 'learning', rank: 4 },
  { id: 'st-closed', name: 'Closed', category: 'closed', rank: 5 },
];
export const statusById = (id: string): IncidentStatus => {
  const status = statuses.find((s) => s.id === id);
  if (!status) throw new Error(`no status ${id}`);
  return status;
};

export const severities: Severity[] = [
  { id: 'sev-minor', name: 'Minor', rank: 1 },
  { id: 'sev-critical', name: 'Critical', rank: 3 },
  { id: 'sev-major', name: 'Major', rank: 2 },
];

export const incidentTypes: IncidentType[] = [
  { id: 'type-default', name: 'Default', is_default: true, private_incidents_only: false, create_in_triage: 'optional' },
  { id: 'type-security', name: 'Security', is_default: false, private_incidents_only: true, create_in_triage: 'optional' },
  { id: 'type-customer', name: 'Customer report', is_default: false, private_incidents_only: false, create_in_triage: 'always' },
];

let nextNumber = 100;
export function makeIncident(overrides: Partial<Incident> = {}): Incident {
  const number = nextNumber++;
  return {
    id: `01HXYZ${number}`,
    reference: `INC-${number}`,
    name: `Incident ${number}`,
    visibility: 'public',
    mode: 'standard',
    slack_channel_id: 'C123',
    slack_channel_name: `inc-${number}`,
    created_at: minutesAgo(12),
    updated_at: minutesAgo(3),
    incident_status: statusById('st-investigating'),
    incident_role_assignments: [],
    creator: { user: { id: 'u1', name: 'Ada' } },
    permalink: `https://app.incident.io/acme/incidents/${number}`,
    ...overrides,
  };
}

export function makeUpdate(overrides: Partial<IncidentUpdate> & Pick<IncidentUpdate, 'id' | 'created_at'>): IncidentUpdate {
  return {
    incident_id: '01HXYZ1',
    new_incident_status: statusById('st-investigating'),
    updater: { user: { id: 'u1', name: 'Ada' } },
    ...overrides,
  };
}
