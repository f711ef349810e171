/**
 * The organisation's own configuration beyond the incident lifecycle: custom fields, the catalog,
 * on-call (schedules, escalation paths, escalations) and status pages. Kept in incident.io's response
 * shapes, like state.ts, so routes answer them as they are.
 */
type Timestamps = { created_at: string; updated_at: string };

export type UserRef = { id: string; name: string; email: string; role: 'responder' | 'administrator' | 'owner'; slack_user_id: string };

export type CustomFieldType = 'single_select' | 'multi_select' | 'text' | 'link' | 'numeric';
export type CustomField = {
  id: string;
  name: string;
  description: string;
  field_type: CustomFieldType;
  catalog_type_id?: string;
} & Timestamps;
export type CustomFieldOption = { id: string; custom_field_id: string; value: string; sort_key: number };

export type CatalogType = {
  id: string;
  name: string;
  description: string;
  type_name: string;
  semantic_type: string;
  ranked: boolean;
  icon: string;
  color: string;
  categories: string[];
  is_editable: boolean;
  annotations: Record<string, string>;
  use_name_as_identifier: boolean;
  schema: { version: number; attributes: { id: string; name: string; type: string; mode: string; array: boolean }[] };
  estimated_count?: number;
} & Timestamps;
export type CatalogEntry = {
  id: string;
  catalog_type_id: string;
  name: string;
  external_id?: string;
  aliases: string[];
  rank: number;
  attribute_values: Record<string, { value?: { literal?: string; label: string; sort_key: string } }>;
} & Timestamps;

export type CustomFieldValue = {
  value_option?: CustomFieldOption;
  value_catalog_entry?: { id: string; name: string; external_id?: string; aliases: string[] };
  value_text?: string;
  value_link?: string;
  value_numeric?: string;
};
export type CustomFieldEntry = {
  custom_field: { id: string; name: string; description: string; field_type: CustomFieldType; options: CustomFieldOption[] };
  values: CustomFieldValue[];
};

export type ScheduleEntry = { entry_id: string; start_at: string; end_at: string; user: UserRef; rotation_id: string; layer_id: string; fingerprint: string };
export type Schedule = {
  id: string;
  name: string;
  timezone: string;
  team_ids: string[];
  permalink: string;
  annotations: Record<string, string>;
  /** Not in the response: who takes which day, from `rotationStart` on, one shift per `shiftHours`. */
  rotation: { id: string; layerId: string; users: UserRef[]; start: number; shiftHours: number };
  overrides: { id: string; user: UserRef; start: number; end: number }[];
} & Timestamps;

export type EscalationPath = {
  id: string;
  name: string;
  team_ids: string[];
  path: { id: string; type: 'level'; level: { targets: { id: string; type: 'schedule' | 'user'; urgency: 'high' | 'low'; schedule_mode?: string }[]; time_to_ack_seconds: number } }[];
};

export type EscalationStatus = 'pending' | 'triggered' | 'acked' | 'resolved' | 'expired' | 'cancelled' | 'snoozed' | 'delayed' | 'pending_repeat';
export type Escalation = {
  id: string;
  title: string;
  description: string;
  status: EscalationStatus;
  priority: { name: string };
  escalation_path_id?: string;
  creator: Record<string, never>;
  events: { id: string; event: string; occurred_at: string; urgency?: 'high' | 'low'; users?: UserRef[] }[];
  related_incidents: { id: string; external_id: number; name: string; reference: string; visibility: 'public' | 'private'; status_category: string; summary?: string }[];
  related_alerts: never[];
} & Timestamps;

export type StatusPage = { id: string; name: string; description: string; public_url: string };
export type StatusPageIncidentStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved';
export type StatusPageIncidentUpdate = {
  id: string;
  status_page_incident_id: string;
  published_at: string;
  message: string;
  incident_status: StatusPageIncidentStatus;
  component_statuses: { component_id: string; component_status: string }[];
};
export type StatusPageIncident = {
  id: string;
  status_page_id: string;
  name: string;
  published_at: string;
  incident_status: StatusPageIncidentStatus;
  updates: StatusPageIncidentUpdate[];
  component_impacts: never[];
};

export type Directory = {
  customFields: CustomField[];
  customFieldOptions: CustomFieldOption[];
  catalogTypes: CatalogType[];
  catalogEntries: CatalogEntry[];
  schedules: Schedule[];
  escalationPaths: EscalationPath[];
  escalations: Escalation[];
  /** idempotency_key → escalation id: a retried page returns the first escalation. */
  escalationKeys: Map<string, string>;
  statusPages: StatusPage[];
  statusPageIncidents: StatusPageIncident[];
  /** idempotency_key → status page incident id. */
  statusPageIncidentKeys: Map<string, string>;
};

export const emptyDirectory = (): Directory => ({
  customFields: [], customFieldOptions: [], catalogTypes: [], catalogEntries: [], schedules: [], escalationPaths: [],
  escalations: [], escalationKeys: new Map(), statusPages: [], statusPageIncidents: [], statusPageIncidentKeys: new Map(),
});

/** A custom field as it appears inside an incident's entries: select fields list their options. */
export function fieldTypeInfo(directory: Directory, field: CustomField): CustomFieldEntry['custom_field'] {
  const options = field.catalog_type_id || !field.field_type.endsWith('_select') ? []
    : directory.customFieldOptions.filter((o) => o.custom_field_id === field.id);
  return { id: field.id, name: field.name, description: field.description, field_type: field.field_type, options };
}

export const embeddedEntry = (entry: CatalogEntry): NonNullable<CustomFieldValue['value_catalog_entry']> => ({
  id: entry.id, name: entry.name, ...(entry.external_id ? { external_id: entry.external_id } : {}), aliases: entry.aliases,
});

/** `identifier` as documented: id, external id, aliases, and the name when the type says so. */
export function entryMatchesIdentifier(entry: CatalogEntry, type: CatalogType | undefined, identifier: string): boolean {
  return entry.id === identifier || entry.external_id === identifier || entry.aliases.includes(identifier)
    || (type?.use_name_as_identifier === true && entry.name === identifier);
}

const HOUR_MS = 3_600_000;

/** Every shift (after overrides: `final`) overlapping [from, to). */
export function scheduleEntries(schedule: Schedule, from: number, to: number): { scheduled: ScheduleEntry[]; overrides: ScheduleEntry[]; final: ScheduleEntry[] } {
  const { rotation } = schedule;
  const shiftMs = rotation.shiftHours * HOUR_MS;
  const first = Math.floor((from - rotation.start) / shiftMs);
  const scheduled: ScheduleEntry[] = [];
  for (let n = first; rotation.start + n * shiftMs < to && scheduled.length < 500; n++) {
    const start = rotation.start + n * shiftMs;
    const user = rotation.users[((n % rotation.users.length) + rotation.users.length) % rotation.users.length] as UserRef;
    scheduled.push(shift(schedule, `${rotation.id}-${n}`, start, start + shiftMs, user));
  }
  const overrides = schedule.overrides.filter((o) => o.start < to && o.end > from)
    .map((o) => shift(schedule, o.id, o.start, o.end, o.user));
  // Overrides win where they overlap: cut each scheduled shift around them.
  const final: ScheduleEntry[] = [];
  for (const entry of scheduled) {
    let pieces = [[Date.parse(entry.start_at), Date.parse(entry.end_at)] as [number, number]];
    for (const o of schedule.overrides) {
      pieces = pieces.flatMap(([s, e]) => (o.end <= s || o.start >= e ? [[s, e] as [number, number]]
        : [[s, o.start], [o.end, e]].filter(([a, b]) => (b as number) > (a as number)) as [number, number][]));
    }
    for (const [s, e] of pieces) final.push({ ...entry, start_at: new Date(s).toISOString(), end_at: new Date(e).toISOString() });
  }
  final.push(...overrides);
  final.sort((a, b) => a.start_at.localeCompare(b.start_at));
  return { scheduled, overrides, final: final.filter((e) => Date.parse(e.end_at) > from && Date.parse(e.start_at) < to) };
}

function shift(schedule: Schedule, entryId: string, start: number, end: number, user: UserRef): ScheduleEntry {
  return {
    entry_id: entryId, start_at: new Date(start).toISOString(), end_at: new Date(end).toISOString(), user,
    rotation_id: schedule.rotation.id, layer_id: schedule.rotation.layerId, fingerprint: `${schedule.id}:${entryId}`,
  };
}
