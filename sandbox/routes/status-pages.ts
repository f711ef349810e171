import type { StatusPageIncident, StatusPageIncidentStatus, StatusPageIncidentUpdate } from '../directory';
import { fieldError, notFound } from '../errors';
import { newId } from '../state';
import { paginate, type Route } from './types';

/** GET /v2/status_pages and /v2/status_page_incidents/{id} list no scope: any working key reads them. */
const READ = { role: 'viewer', action: 'view status pages' } as const;
const PUBLISH = { role: 'status_page_publisher', action: 'publish to status pages' } as const;

type Component = { component_id: string; component_status: string };
type CreatePayload = {
  idempotency_key: string; status_page_id: string; name: string; incident_status: StatusPageIncidentStatus; message: string;
  notify_subscribers: boolean; component_statuses?: Component[];
};
type UpdatePayload = {
  status_page_incident_id: string; message: string; notify_subscribers: boolean; incident_status?: StatusPageIncidentStatus; component_statuses?: Component[];
};

/** `GET /v2/status_pages`, paged. */
export const listStatusPages: Route = {
  requires: READ,
  handle: ({ state, query }) => {
    const pageSize = typeof query.page_size === 'number' ? query.page_size : 25;
    const { page, meta } = paginate(state.directory.statusPages, () => true, pageSize, typeof query.after === 'string' ? query.after : undefined);
    return { status: 200, body: { status_pages: page, pagination_meta: meta } };
  },
};

function update(id: string, incidentId: string, at: string, message: string, status: StatusPageIncidentStatus, components: Component[]): StatusPageIncidentUpdate {
  return { id, status_page_incident_id: incidentId, published_at: at, message, incident_status: status, component_statuses: components };
}

/** `POST /v2/status_page_incidents` (status_pages.publish_updates): a repeated idempotency_key returns the first. */
export const createStatusPageIncident: Route = {
  requires: PUBLISH,
  handle: ({ state, body, now }) => {
    const payload = body as CreatePayload;
    const { directory } = state;
    const existing = directory.statusPageIncidents.find((i) => i.id === directory.statusPageIncidentKeys.get(payload.idempotency_key));
    if (existing) return { status: 201, body: { status_page_incident: existing } };
    if (payload.idempotency_key.trim() === '') throw fieldError('idempotency_key', 'is_required', 'idempotency_key cannot be blank');
    if (!directory.statusPages.some((p) => p.id === payload.status_page_id)) throw fieldError('status_page_id', 'invalid_value', `No status page with id ${payload.status_page_id}`);
    if (payload.name.trim() === '') throw fieldError('name', 'is_required', 'A public incident needs a name');
    if (payload.message.trim() === '') throw fieldError('message', 'is_required', 'The first update needs a message');
    const at = new Date(now).toISOString();
    const id = newId(state, 'status_page_incident', now);
    const incident: StatusPageIncident = {
      id, status_page_id: payload.status_page_id, name: payload.name.trim(), published_at: at, incident_status: payload.incident_status,
      component_impacts: [],
      updates: [update(newId(state, 'status_page_incident_update', now), id, at, payload.message, payload.incident_status, payload.component_statuses ?? [])],
    };
    directory.statusPageIncidents.push(incident);
    directory.statusPageIncidentKeys.set(payload.idempotency_key, id);
    return { status: 201, body: { status_page_incident: incident } };
  },
};

/** `GET /v2/status_page_incidents/{status_page_incident_id}`: updates newest first. */
export const showStatusPageIncident: Route = {
  requires: READ,
  handle: ({ state, pathParams }) => {
    const incident = state.directory.statusPageIncidents.find((i) => i.id === pathParams.status_page_incident_id);
    if (!incident) throw notFound('status page incident');
    const updates = [...incident.updates].sort((a, b) => b.published_at.localeCompare(a.published_at) || b.id.localeCompare(a.id));
    return { status: 200, body: { status_page_incident: { ...incident, updates } } };
  },
};

/**
 * `POST /v2/status_page_incident_updates` (status_pages.publish_updates). The schema has no
 * idempotency key: every accepted request publishes one more update (the validator refuses a body
 * that sends one anyway).
 */
export const createStatusPageIncidentUpdate: Route = {
  requires: PUBLISH,
  handle: ({ state, body, now }) => {
    const payload = body as UpdatePayload;
    const incident = state.directory.statusPageIncidents.find((i) => i.id === payload.status_page_incident_id);
    if (!incident) throw fieldError('status_page_incident_id', 'invalid_value', `No status page incident with id ${payload.status_page_incident_id}`);
    if (payload.message.trim() === '') throw fieldError('message', 'is_required', 'An update needs a message');
    const status = payload.incident_status ?? incident.incident_status;
    const created = update(newId(state, 'status_page_incident_update', now), incident.id, new Date(now).toISOString(), payload.message, status, payload.component_statuses ?? []);
    incident.updates.push(created);
    incident.incident_status = status;
    return { status: 201, body: { status_page_incident_update: created } };
  },
};
