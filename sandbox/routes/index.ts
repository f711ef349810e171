import { createAttachment, deleteAttachment, listAttachments } from './attachments';
import { listIncidentUpdates } from './incident-updates';
import { listIncidents, showIncident } from './incidents-read';
import { createIncident, editIncident } from './incidents-write';
import { identity, listIncidentTypes, listSeverities, listStatuses } from './lookups';
import type { Route } from './types';

/** Handlers by `METHOD /path/template`, the keys of sandbox/openapi-subset.json. */
export const ROUTES: Record<string, Route> = {
  'GET /v1/identity': identity,
  'GET /v1/incident_statuses': listStatuses,
  'GET /v1/severities': listSeverities,
  'GET /v1/incident_types': listIncidentTypes,
  'GET /v2/incidents': listIncidents,
  'POST /v2/incidents': createIncident,
  'GET /v2/incidents/{id}': showIncident,
  'POST /v2/incidents/{id}/actions/edit': editIncident,
  'GET /v2/incident_updates': listIncidentUpdates,
  'GET /v1/incident_attachments': listAttachments,
  'POST /v1/incident_attachments': createAttachment,
  'DELETE /v1/incident_attachments/{id}': deleteAttachment,
};
