import type { Incident, IncidentStatus, Severity } from '@/lib/incident-io/schemas';

// Schema-shaped test data for the background's tests.

export const status = {
  triage: { id: 'st-triage', name: 'Triage', category: 'triage', rank: 0 },
  investigating: { id: 'st-investigating', name: 'Investigating', category: 'live', rank: 1 },
  monitoring: { id: 'st-monitoring', name: 'Monitoring', category: 'live', rank: 2 },
  paused: { id: 'st-paused', name: 'Paused', category: 'paused', rank: 3 },
  closed: { id: 'st-closed', name: 'Closed', category: 'closed', rank: 5 },
} satisfies Record<string, IncidentStatus>;

export const severity = {
  minor: { id: 'sev-minor', name: 'Minor', rank: 1 },
  major: { id: 'sev-major', name: 'Major', rank: 2 },
  critical: { id: 'sev-critical', name: 'Critical', rank: 3 },
} satisfies Record<string, Severity>;
/** The org's ladder, deliberately not in rank order. */
export const orgSeverities: Severity[] = [severity.minor, severity.critical, severity.major];

export function makeIncident(number: number, overrides: Partial<Incident> = {}): Incident {
  return {
    id: `01HINCIDENT${number}`,
    reference: `INC-${number}`,
    name: `Incident ${number}`,
    visibility: 'public',
    mode: 'standard',
    slack_channel_id: 'C123',
    created_at: '2026-03-10T11:00:00.000Z',
    updated_at: '2026-03-10T11:30:00.000Z',
    incident_status: status.investigating,
    incident_role_assignments: [],
    creator: { user: { id: 'u1', name: 'Ada' } },
    ...overrides,
  };
}

/** The same incident after an edit at `updatedAt`. */
export function edited(incident: Incident, changes: Partial<Incident>, updatedAt = '2026-03-10T11:45:00.000Z'): Incident {
  return { ...incident, ...changes, updated_at: updatedAt };
}
