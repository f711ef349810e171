import { createAttachment, deleteAttachment, listAttachments } from './attachments';
import { listIncidentUpdates } from './incident-updates';
import { listIncidents, showIncident } from './incidents-read';
import { createIncident, editIncident } from './incidents-write';
import { identity, listIncidentTypes, listSeverities, listStatuses } from './lookups';
import { createEscalation, listEscalationPaths, listEscalations, listScheduleEntries, listSchedules, listUsers } from './on-call';
import {
  listCatalogEntriesV2, listCatalogEntriesV3, listCatalogTypes, listCustomFieldOptions, listCustomFields, listIncidentRoles,
} from './org-config';
import { createStatusPageIncident, createStatusPageIncidentUpdate, listStatusPages, showStatusPageIncident } from './status-pages';
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
  'GET /v2/custom_fields': listCustomFields,
  'GET /v1/custom_field_options': listCustomFieldOptions,
  'GET /v2/catalog_types': listCatalogTypes,
  'GET /v2/catalog_entries': listCatalogEntriesV2,
  'GET /v3/catalog_entries': listCatalogEntriesV3,
  'GET /v2/incident_roles': listIncidentRoles,
  'GET /v2/users': listUsers,
  'GET /v2/escalation_paths': listEscalationPaths,
  'GET /v2/escalations': listEscalations,
  'POST /v2/escalations': createEscalation,
  'GET /v2/schedules': listSchedules,
  'GET /v2/schedule_entries': listScheduleEntries,
  'GET /v2/status_pages': listStatusPages,
  'POST /v2/status_page_incidents': createStatusPageIncident,
  'GET /v2/status_page_incidents/{status_page_incident_id}': showStatusPageIncident,
  'POST /v2/status_page_incident_updates': createStatusPageIncidentUpdate,
};
