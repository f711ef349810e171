import type { CustomFieldEntry, Directory } from './directory';
import { ulid, ULID_PATTERN } from './ulid';

/** In-memory objects are kept in incident.io's response shapes, so routes answer them as they are. */
type Timestamps = { created_at: string; updated_at: string };

export type StatusCategory = 'triage' | 'live' | 'paused' | 'learning' | 'closed' | 'declined' | 'merged' | 'canceled';
export type Status = { id: string; name: string; description: string; category: StatusCategory; rank: number } & Timestamps;
export type Severity = { id: string; name: string; description: string; rank: number } & Timestamps;
export type IncidentType = {
  id: string;
  name: string;
  description: string;
  is_default: boolean;
  private_incidents_only: boolean;
  create_in_triage: 'always' | 'optional';
} & Timestamps;
export type User = { id: string; name: string; email: string; slack_user_id: string; role: 'responder' | 'administrator' | 'owner' };
export type IncidentRole = {
  id: string;
  name: string;
  shortform: string;
  description: string;
  instructions: string;
  role_type: 'lead' | 'reporter' | 'custom';
  required: boolean;
} & Timestamps;
export type Actor = { user?: User; api_key?: { id: string; name: string }; workflow?: { id: string; name: string } };
export type RoleAssignment = { role: IncidentRole; assignee?: User };
export type Visibility = 'public' | 'private';
export type Mode = 'standard' | 'retrospective' | 'test' | 'tutorial';

export type Incident = {
  id: string;
  reference: string;
  name: string;
  summary?: string;
  visibility: Visibility;
  mode: Mode;
  permalink: string;
  slack_team_id: string;
  slack_channel_id: string;
  slack_channel_name: string;
  call_url?: string;
  created_at: string;
  updated_at: string;
  incident_status: Status;
  severity?: Severity;
  incident_type: IncidentType;
  incident_role_assignments: RoleAssignment[];
  custom_field_entries: CustomFieldEntry[];
  creator: Actor;
  has_debrief: boolean;
};

export type IncidentUpdate = {
  id: string;
  incident_id: string;
  created_at: string;
  updater: Actor;
  new_incident_status: Status;
  new_severity?: Severity;
  message?: string;
  merged_into_incident_id?: string;
};

export type AttachmentResource = { external_id: string; permalink: string; title: string; resource_type: string };
export type Attachment = { id: string; incident_id: string; resource: AttachmentResource };

export type Role =
  | 'viewer' | 'incident_creator' | 'incident_editor' | 'global_access' | 'post_incident_flow_opt_out'
  | 'manage_settings' | 'catalog_viewer'
  | 'catalog_editor' | 'escalation_creator' | 'on_call_viewer' | 'on_call_editor' | 'schedules_reader' | 'schedules_editor'
  | 'status_page_publisher';
export type ApiKey = { token: string; id: string; name: string; roles: Role[]; revoked: boolean };

export type Org = {
  slug: string;
  name: string;
  slackTeamId: string;
  /** When set, closing without the post-incident flow needs the post_incident_flow_opt_out role. */
  postIncidentFlowRequired: boolean;
  teams: { id: string; name: string }[];
};

export type SandboxState = {
  org: Org;
  keys: ApiKey[];
  users: User[];
  incidentRoles: IncidentRole[];
  statuses: Status[];
  severities: Severity[];
  incidentTypes: IncidentType[];
  incidents: Incident[];
  updates: IncidentUpdate[];
  attachments: Attachment[];
  /** Custom fields, catalog, on-call and status pages. */
  directory: Directory;
  /** idempotency_key → incident id, so a retried create returns the first incident. */
  idempotency: Map<string, string>;
  /** Slack channels are created asynchronously: incident id → when its channel id appears. */
  pendingChannels: Map<string, number>;
  /** Counter feeding deterministic ids. */
  sequence: number;
  /**
   * Added to timestamps when minting ids. Seeded timestamps are relative to when the sandbox started
   * (so open incidents look minutes old), while ids are computed as if it started at a fixed instant,
   * so every run has the same ids.
   */
  idClockShift: number;
};

/** How long after creation a new incident's Slack channel id appears. */
const CHANNEL_DELAY_MS = 2000;

export const iso = (ms: number): string => new Date(ms).toISOString();

export function newId(state: SandboxState, kind: string, now: number): string {
  state.sequence += 1;
  return ulid(now + state.idClockShift, `${kind}:${state.sequence}`);
}

export const incidentNumber = (incident: Incident): number => Number(incident.reference.replace(/^INC-/, ''));

export const canSeePrivate = (key: ApiKey): boolean => key.roles.includes('global_access');

export const isVisibleTo = (incident: Incident, key: ApiKey): boolean =>
  incident.visibility === 'public' || canSeePrivate(key);

/** `{id}` in incident paths: the ULID, or the reference's number ("123" for INC-123). */
export function findIncident(state: SandboxState, pathId: string): Incident | undefined {
  if (ULID_PATTERN.test(pathId)) return state.incidents.find((i) => i.id === pathId);
  if (/^\d+$/.test(pathId)) return state.incidents.find((i) => incidentNumber(i) === Number(pathId));
  return undefined;
}

export function slackChannelName(number: number, name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '');
  return `inc-${number}-${slug}`;
}

export function slackChannelId(incidentId: string): string {
  return `C0${incidentId.slice(-9)}`;
}

export function settlePendingChannels(state: SandboxState, now: number): void {
  for (const [incidentId, readyAt] of state.pendingChannels) {
    if (readyAt > now) continue;
    const incident = state.incidents.find((i) => i.id === incidentId);
    if (incident) incident.slack_channel_id = slackChannelId(incident.id);
    state.pendingChannels.delete(incidentId);
  }
}

export type DeclareInput = {
  name: string;
  summary?: string;
  visibility: Visibility;
  mode: Mode;
  status: Status;
  severity?: Severity;
  type: IncidentType;
  creator: Actor;
  roleAssignments: RoleAssignment[];
  channelNameOverride?: string;
  message?: string;
  customFieldEntries?: CustomFieldEntry[];
};

/** Adds a new incident (next number, initial update); its Slack channel id follows shortly after. */
export function declareIncident(state: SandboxState, input: DeclareInput, now: number): Incident {
  const number = Math.max(0, ...state.incidents.map(incidentNumber)) + 1;
  const id = newId(state, 'incident', now);
  const incident: Incident = {
    id,
    reference: `INC-${number}`,
    name: input.name,
    ...(input.summary ? { summary: input.summary } : {}),
    visibility: input.visibility,
    mode: input.mode,
    permalink: `https://app.incident.io/${state.org.slug}/incidents/${number}`,
    slack_team_id: state.org.slackTeamId,
    slack_channel_id: '',
    slack_channel_name: input.channelNameOverride ?? slackChannelName(number, input.name),
    created_at: iso(now),
    updated_at: iso(now),
    incident_status: input.status,
    ...(input.severity ? { severity: input.severity } : {}),
    incident_type: input.type,
    incident_role_assignments: withDefaultRoles(state, input.roleAssignments),
    custom_field_entries: input.customFieldEntries ?? [],
    creator: input.creator,
    has_debrief: false,
  };
  state.incidents.push(incident);
  state.pendingChannels.set(id, now + CHANNEL_DELAY_MS);
  addUpdate(state, incident, input.creator, input.message ?? 'Incident declared', now);
  return incident;
}

/** Every incident carries a lead and reporter assignment, assigned or not, as incident.io's do. */
function withDefaultRoles(state: SandboxState, given: RoleAssignment[]): RoleAssignment[] {
  const roles = state.incidentRoles.filter((r) => r.role_type !== 'custom' || given.some((g) => g.role.id === r.id));
  return roles.map((role) => given.find((g) => g.role.id === role.id) ?? { role });
}

export function addUpdate(state: SandboxState, incident: Incident, updater: Actor, message: string | undefined, now: number): IncidentUpdate {
  const update: IncidentUpdate = {
    id: newId(state, 'update', now),
    incident_id: incident.id,
    created_at: iso(now),
    updater,
    new_incident_status: incident.incident_status,
    ...(incident.severity ? { new_severity: incident.severity } : {}),
    ...(message ? { message } : {}),
  };
  state.updates.push(update);
  return update;
}

export type IncidentChange = {
  status?: Status;
  severity?: Severity;
  name?: string;
  summary?: string;
  callUrl?: string;
  channelNameOverride?: string;
  roleAssignments?: RoleAssignment[];
  /** Replaces the values of the fields it names; an entry without values unsets its field. */
  customFieldEntries?: CustomFieldEntry[];
};

/** Applies an edit; a status or severity change also appends an incident update, as in the app. */
export function changeIncident(state: SandboxState, incident: Incident, change: IncidentChange, updater: Actor, now: number): void {
  const statusChanged = change.status !== undefined && change.status.id !== incident.incident_status.id;
  const severityChanged = change.severity !== undefined && change.severity.id !== incident.severity?.id;
  if (change.status) incident.incident_status = change.status;
  if (change.severity) incident.severity = change.severity;
  if (change.name !== undefined) incident.name = change.name;
  if (change.summary !== undefined) incident.summary = change.summary;
  if (change.callUrl !== undefined) incident.call_url = change.callUrl;
  if (change.channelNameOverride !== undefined) incident.slack_channel_name = change.channelNameOverride;
  if (change.roleAssignments) {
    const replaced = new Set(change.roleAssignments.map((a) => a.role.id));
    incident.incident_role_assignments = [
      ...incident.incident_role_assignments.filter((a) => !replaced.has(a.role.id)),
      ...change.roleAssignments,
    ];
  }
  if (change.customFieldEntries) {
    const replaced = new Set(change.customFieldEntries.map((e) => e.custom_field.id));
    incident.custom_field_entries = [
      ...incident.custom_field_entries.filter((e) => !replaced.has(e.custom_field.id)),
      ...change.customFieldEntries.filter((e) => e.values.length > 0),
    ];
  }
  incident.updated_at = iso(now);
  if (statusChanged || severityChanged) {
    const parts = [
      statusChanged ? `Status changed to ${incident.incident_status.name}` : undefined,
      severityChanged ? `Severity changed to ${incident.severity?.name ?? ''}` : undefined,
    ].filter(Boolean);
    addUpdate(state, incident, updater, parts.join('. '), now);
  }
}
