import { fieldError, forbidden, notViaApi } from '../errors';
import { resolveEntries, type EntryPayload } from '../custom-field-entries';
import { checkStatusMove } from '../lifecycle';
import {
  changeIncident, declareIncident,
  type Actor, type ApiKey, type Mode, type RoleAssignment, type SandboxState, type Severity, type Status, type Visibility,
} from '../state';
import { visibleIncident } from './incidents-read';
import type { Route } from './types';

/** Request bodies after schema validation (only the fields the sandbox acts on). */
type RoleAssignmentPayload = { incident_role_id: string; assignee?: { id?: string; email?: string; slack_user_id?: string } };
type EntryPayloads = { custom_field_entries?: EntryPayload[]; incident_timestamp_values?: unknown[] };
type CreatePayload = EntryPayloads & {
  idempotency_key: string;
  visibility: Visibility;
  name?: string;
  summary?: string;
  severity_id?: string;
  incident_type_id?: string;
  incident_status_id?: string;
  mode?: Mode;
  slack_channel_name_override?: string;
  incident_role_assignments?: RoleAssignmentPayload[];
};
type EditPayload = {
  incident: EntryPayloads & {
    name?: string;
    summary?: string;
    severity_id?: string;
    incident_status_id?: string;
    call_url?: string;
    slack_channel_name_override?: string;
    incident_role_assignments?: RoleAssignmentPayload[];
  };
  notify_incident_channel: boolean;
};

export const apiKeyActor = (key: ApiKey): Actor => ({ api_key: { id: key.id, name: key.name } });

function lookup<T extends { id: string }>(items: T[], id: string | undefined, field: string, what: string): T | undefined {
  if (id === undefined) return undefined;
  const found = items.find((item) => item.id === id);
  if (!found) throw fieldError(field, 'invalid_value', `No ${what} with id ${id} exists in this organisation`);
  return found;
}

function requireName(name: string | undefined, field: string): void {
  if (name !== undefined && name.trim() === '') throw fieldError(field, 'is_required', 'Name cannot be blank');
}

/** The org has no incident timestamps configured, so any id sent for one is unknown. */
function rejectUnknownEntries(payload: EntryPayloads, prefix: string): void {
  if (payload.incident_timestamp_values?.length) {
    throw fieldError(`${prefix}incident_timestamp_values.0.incident_timestamp_id`, 'invalid_value', 'No incident timestamp with that id exists in this organisation');
  }
}

function roleAssignments(state: SandboxState, payload: RoleAssignmentPayload[] | undefined, prefix: string): RoleAssignment[] {
  return (payload ?? []).map((entry, i) => {
    const role = lookup(state.incidentRoles, entry.incident_role_id, `${prefix}incident_role_assignments.${i}.incident_role_id`, 'incident role');
    if (!role) throw new Error('unreachable: incident_role_id is required by the schema');
    const ref = entry.assignee;
    if (!ref) return { role };
    const assignee = state.users.find((u) =>
      (ref.id !== undefined && u.id === ref.id) || (ref.email !== undefined && u.email === ref.email)
      || (ref.slack_user_id !== undefined && u.slack_user_id === ref.slack_user_id));
    if (!assignee) throw fieldError(`${prefix}incident_role_assignments.${i}.assignee`, 'invalid_value', 'No user matches that assignee');
    return { role, assignee };
  });
}

/** Which status a new incident starts in, enforcing the org's triage and severity rules. */
function startStatus(state: SandboxState, body: CreatePayload, forcedTriage: boolean, severity: Severity | undefined): Status {
  const triage = state.statuses.find((s) => s.category === 'triage');
  if (!triage) throw new Error('Seed has no triage status');
  const requested = lookup(state.statuses, body.incident_status_id, 'incident_status_id', 'incident status');
  if (!requested) return triage;
  const retrospective = body.mode === 'retrospective';
  const allowed = retrospective ? ['live', 'learning', 'closed'] : ['triage', 'live'];
  if (!allowed.includes(requested.category)) {
    throw fieldError('incident_status_id', 'invalid_value',
      `A new incident must start in triage or a live status; ${requested.name} is ${requested.category}`);
  }
  if (forcedTriage && requested.category !== 'triage') {
    throw fieldError('incident_status_id', 'invalid_value', 'Incidents of this type always start in triage');
  }
  if (requested.category !== 'triage' && !severity) {
    throw fieldError('severity_id', 'is_required', 'A severity is required to declare an active incident');
  }
  return requested;
}

export const createIncident: Route = {
  requires: { role: 'incident_creator', action: 'create incidents' },
  handle: ({ state, key, body, now }) => {
    const payload = body as CreatePayload;
    // A repeated idempotency key returns the incident it first created, whatever the body says now.
    const existingId = state.idempotency.get(payload.idempotency_key);
    const existing = existingId ? state.incidents.find((i) => i.id === existingId) : undefined;
    if (existing) return { status: 200, body: { incident: existing } };

    if (payload.idempotency_key.trim() === '') throw fieldError('idempotency_key', 'is_required', 'idempotency_key cannot be blank');
    if (!payload.name?.trim()) throw fieldError('name', 'is_required', 'An incident needs a name');
    const type = lookup(state.incidentTypes, payload.incident_type_id, 'incident_type_id', 'incident type')
      ?? state.incidentTypes.find((t) => t.is_default);
    if (!type) throw new Error('Seed has no default incident type');
    if (type.private_incidents_only && payload.visibility !== 'private') {
      throw fieldError('visibility', 'invalid_value', `Incidents of type ${type.name} must be private`);
    }
    const severity = lookup(state.severities, payload.severity_id, 'severity_id', 'severity');
    const forcedTriage = type.create_in_triage === 'always' && payload.mode !== 'retrospective';
    const status = startStatus(state, payload, forcedTriage, severity);
    rejectUnknownEntries(payload, '');
    const customFieldEntries = resolveEntries(state.directory, payload.custom_field_entries, '');

    const incident = declareIncident(state, {
      name: payload.name.trim(),
      ...(payload.summary ? { summary: payload.summary } : {}),
      visibility: payload.visibility,
      mode: payload.mode ?? 'standard',
      status,
      ...(severity ? { severity } : {}),
      type,
      creator: apiKeyActor(key),
      roleAssignments: roleAssignments(state, payload.incident_role_assignments, ''),
      customFieldEntries: customFieldEntries.filter((e) => e.values.length > 0),
      ...(payload.slack_channel_name_override ? { channelNameOverride: payload.slack_channel_name_override } : {}),
    }, now);
    state.idempotency.set(payload.idempotency_key, incident.id);
    return { status: 200, body: { incident } };
  },
};

export const editIncident: Route = {
  requires: { role: 'incident_editor', action: 'edit incidents' },
  handle: ({ state, key, pathParams, body, now }) => {
    // Documented with the ULID; the official `inc` CLI sends the reference number too, and it works.
    const incident = visibleIncident(state, key, pathParams.id ?? '');
    const edit = (body as EditPayload).incident;
    requireName(edit.name, 'incident.name');
    const status = lookup(state.statuses, edit.incident_status_id, 'incident.incident_status_id', 'incident status');
    const severity = lookup(state.severities, edit.severity_id, 'incident.severity_id', 'severity');
    rejectUnknownEntries(edit, 'incident.');
    const customFieldEntries = edit.custom_field_entries && resolveEntries(state.directory, edit.custom_field_entries, 'incident.');
    if (status) {
      const move = checkStatusMove(incident.incident_status, status, key, state.org);
      if (!move.ok && move.kind === 'app_only') throw notViaApi(move.message);
      if (!move.ok) throw forbidden(move.role, 'close an incident without its post-incident flow');
    }
    changeIncident(state, incident, {
      ...(status ? { status } : {}),
      ...(severity ? { severity } : {}),
      ...(edit.name !== undefined ? { name: edit.name.trim() } : {}),
      ...(edit.summary !== undefined ? { summary: edit.summary } : {}),
      ...(edit.call_url !== undefined ? { callUrl: edit.call_url } : {}),
      ...(edit.slack_channel_name_override !== undefined ? { channelNameOverride: edit.slack_channel_name_override } : {}),
      ...(edit.incident_role_assignments ? { roleAssignments: roleAssignments(state, edit.incident_role_assignments, 'incident.') } : {}),
      ...(customFieldEntries ? { customFieldEntries } : {}),
    }, apiKeyActor(key), now);
    return { status: 200, body: { incident } };
  },
};
