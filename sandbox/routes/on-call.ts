import { scheduleEntries, type Escalation, type UserRef } from '../directory';
import { fieldError, notFound } from '../errors';
import { isVisibleTo, newId, type Incident, type SandboxState, type User } from '../state';
import { ULID_PATTERN } from '../ulid';
import { paginate, type Route } from './types';

/** Roles granting the scopes (escalations.create, escalations.view, escalation_paths.view, schedules.view). */
const PAGE = { role: ['escalation_creator', 'on_call_editor'], action: 'page on-call (create escalations)' } as const;
const SEE_ESCALATIONS = { role: ['escalation_creator', 'on_call_viewer', 'on_call_editor'], action: 'view escalations and escalation paths' } as const;
const SEE_SCHEDULES = { role: ['schedules_reader', 'schedules_editor', 'on_call_viewer', 'on_call_editor'], action: 'view on-call schedules' } as const;

const pageSize = (query: Record<string, unknown>, fallback = 25): number => (typeof query.page_size === 'number' ? query.page_size : fallback);
const after = (query: Record<string, unknown>): string | undefined => (typeof query.after === 'string' ? query.after : undefined);
const userRef = ({ id, name, email, role, slack_user_id }: User): UserRef => ({ id, name, email, role, slack_user_id });

/** `GET /v2/users` (users.view): `email` and `slack_user_id` filter exactly; paged. */
export const listUsers: Route = {
  requires: { role: 'viewer', action: 'view users' },
  handle: ({ state, query }) => {
    const matches = (u: User) => (query.email === undefined || u.email === query.email)
      && (query.slack_user_id === undefined || u.slack_user_id === query.slack_user_id);
    const { page, meta } = paginate(state.users, matches, pageSize(query), after(query));
    const base = (slug: string, name: string) => ({ id: `01HBASEROLE${slug.toUpperCase().padEnd(15, '0').slice(0, 15)}`, name, slug });
    const users = page.map((u) => ({
      ...userRef(u), is_active: true, custom_roles: [], seats: { on_call: 'full_access', response: 'full_access' },
      base_role: u.role === 'responder' ? base('responder', 'Responder') : u.role === 'owner' ? base('owner', 'Owner') : base('admin', 'Administrator'),
    }));
    return { status: 200, body: { users, pagination_meta: meta } };
  },
};

/** `GET /v2/escalation_paths` (escalation_paths.view), at most 25 a page. */
export const listEscalationPaths: Route = {
  requires: SEE_ESCALATIONS,
  handle: ({ state, query }) => {
    const { page, meta } = paginate(state.directory.escalationPaths, () => true, pageSize(query), after(query));
    return { status: 200, body: { escalation_paths: page, pagination_meta: meta } };
  },
};

type OpFilter = Record<string, string[]> | undefined;
function matchesFilter(filter: OpFilter, value: string | undefined, field: string, ops: readonly string[]): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([op, values]) => {
    if (!ops.includes(op)) throw fieldError(field, 'invalid_value', `${field} accepts ${ops.join(', ')} (got ${op})`);
    if (op === 'one_of' || op === 'is') return value !== undefined && values.includes(value);
    if (op === 'not_in') return value === undefined || !values.includes(value);
    return value !== undefined && values.some((v) => value.startsWith(v)); // starts_with
  });
}

/** `GET /v2/escalations` (escalations.view): newest first, filters `incident`, `status`, `escalation_path`, `idempotency_key`. */
export const listEscalations: Route = {
  requires: SEE_ESCALATIONS,
  handle: ({ state, key, query }) => {
    const keyOf = new Map([...state.directory.escalationKeys].map(([k, id]) => [id, k]));
    const visible = (e: Escalation) => e.related_incidents.every((slim) => {
      const incident = state.incidents.find((i) => i.id === slim.id);
      return !incident || isVisibleTo(incident, key);
    });
    const matches = (e: Escalation) => visible(e)
      && (query.incident === undefined || e.related_incidents.some((i) => matchesFilter(query.incident as OpFilter, i.id, 'incident', ['one_of', 'not_in'])))
      && matchesFilter(query.status as OpFilter, e.status, 'status', ['one_of', 'not_in'])
      && matchesFilter(query.escalation_path as OpFilter, e.escalation_path_id, 'escalation_path', ['one_of', 'not_in'])
      && matchesFilter(query.idempotency_key as OpFilter, keyOf.get(e.id), 'idempotency_key', ['is', 'starts_with']);
    const ordered = [...state.directory.escalations].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id));
    const { page, meta } = paginate(ordered, matches, pageSize(query), after(query));
    return { status: 200, body: { escalations: page, pagination_meta: meta } };
  },
};

type CreatePayload = { idempotency_key: string; title: string; description?: string; escalation_path_id?: string; user_ids?: string[]; incident_id?: string };

const SLIM_CATEGORY: Record<string, string> = { live: 'active', learning: 'post-incident' };

function slimIncident(incident: Incident): Escalation['related_incidents'][number] {
  return {
    id: incident.id, external_id: Number(incident.reference.replace(/^INC-/, '')), name: incident.name, reference: incident.reference,
    visibility: incident.visibility, status_category: SLIM_CATEGORY[incident.incident_status.category] ?? incident.incident_status.category,
    ...(incident.summary ? { summary: incident.summary } : {}),
  };
}

/** Who a path pages right now: whoever is on call for each schedule target, and each user target. */
function pagedUsers(state: SandboxState, pathId: string, now: number): UserRef[] {
  const path = state.directory.escalationPaths.find((p) => p.id === pathId);
  return (path?.path ?? []).flatMap((node) => node.level.targets).flatMap((target) => {
    if (target.type === 'user') return state.users.filter((u) => u.id === target.id).map(userRef);
    const schedule = state.directory.schedules.find((s) => s.id === target.id);
    return schedule ? scheduleEntries(schedule, now, now + 1).final.map((e) => e.user) : [];
  });
}

/** `POST /v2/escalations` (escalations.create): a repeated idempotency_key returns the first escalation, paging nobody again. */
export const createEscalation: Route = {
  requires: PAGE,
  handle: ({ state, key, body, now }) => {
    const payload = body as CreatePayload;
    const { directory } = state;
    const existing = directory.escalations.find((e) => e.id === directory.escalationKeys.get(payload.idempotency_key));
    if (existing) return { status: 201, body: { escalation: existing } };
    if (payload.idempotency_key.trim() === '') throw fieldError('idempotency_key', 'is_required', 'idempotency_key cannot be blank');
    if (payload.title.trim() === '') throw fieldError('title', 'is_required', 'An escalation needs a title');
    const userIds = payload.user_ids ?? [];
    if (!payload.escalation_path_id && userIds.length === 0) throw fieldError('escalation_path_id', 'is_required', 'Choose an escalation path or at least one user to page');
    if (payload.escalation_path_id && !directory.escalationPaths.some((p) => p.id === payload.escalation_path_id)) {
      throw fieldError('escalation_path_id', 'invalid_value', `No escalation path with id ${payload.escalation_path_id}`);
    }
    const users = userIds.map((id, i) => {
      const user = state.users.find((u) => u.id === id);
      if (!user) throw fieldError(`user_ids.${i}`, 'invalid_value', `No user with id ${id}`);
      return userRef(user);
    });
    let incident: Incident | undefined;
    if (payload.incident_id !== undefined) {
      incident = state.incidents.find((i) => i.id === payload.incident_id && isVisibleTo(i, key));
      if (!incident) {
        const hint = ULID_PATTERN.test(payload.incident_id) ? '' : ' (use the incident\'s ID, not its reference number)';
        throw fieldError('incident_id', 'invalid_value', `No incident with id ${payload.incident_id}${hint}`);
      }
    }
    const at = new Date(now).toISOString();
    const paged = [...(payload.escalation_path_id ? pagedUsers(state, payload.escalation_path_id, now) : []), ...users];
    const escalation: Escalation = {
      id: newId(state, 'escalation', now), title: payload.title.trim(), description: payload.description ?? '', status: 'triggered',
      priority: { name: 'High' }, ...(payload.escalation_path_id ? { escalation_path_id: payload.escalation_path_id } : {}), creator: {},
      events: [
        { id: newId(state, 'escalation_event', now), event: 'triggered', occurred_at: at },
        ...(paged.length ? [{ id: newId(state, 'escalation_event', now), event: 'notified_users', occurred_at: at, urgency: 'high' as const, users: paged }] : []),
      ],
      related_incidents: incident ? [slimIncident(incident)] : [], related_alerts: [], created_at: at, updated_at: at,
    };
    directory.escalations.push(escalation);
    directory.escalationKeys.set(payload.idempotency_key, escalation.id);
    return { status: 201, body: { escalation } };
  },
};

/** `GET /v2/schedules` (schedules.view). */
export const listSchedules: Route = {
  requires: SEE_SCHEDULES,
  handle: ({ state, query }) => {
    const { page, meta, total } = paginate(state.directory.schedules, () => true, pageSize(query), after(query));
    const schedules = page.map(({ rotation: _r, overrides: _o, ...schedule }) => schedule);
    return { status: 200, body: { schedules, pagination_meta: { ...meta, total_record_count: total } } };
  },
};

const DEFAULT_WINDOW_MS = 7 * 86_400_000;
const MAX_WINDOW_MS = 60 * 86_400_000;

/** `GET /v2/schedule_entries?schedule_id=&entry_window_start=&entry_window_end=` (schedules.view). */
export const listScheduleEntries: Route = {
  requires: SEE_SCHEDULES,
  handle: ({ state, query, now }) => {
    const schedule = state.directory.schedules.find((s) => s.id === query.schedule_id);
    if (!schedule) throw notFound('schedule');
    const parse = (name: 'entry_window_start' | 'entry_window_end', fallback: number) => {
      if (query[name] === undefined) return fallback;
      const ms = Date.parse(String(query[name]));
      if (Number.isNaN(ms)) throw fieldError(name, 'invalid_value', `${name} must be an RFC 3339 timestamp`);
      return ms;
    };
    const from = parse('entry_window_start', now);
    const to = parse('entry_window_end', from + DEFAULT_WINDOW_MS);
    if (to <= from) throw fieldError('entry_window_end', 'invalid_value', 'entry_window_end must be after entry_window_start');
    if (to - from > MAX_WINDOW_MS) throw fieldError('entry_window_end', 'invalid_value', 'The entry window may span at most 60 days');
    return { status: 200, body: { schedule_entries: scheduleEntries(schedule, from, to) } };
  },
};
