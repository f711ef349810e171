import { z } from 'zod';

/**
 * Schemas for the parts of incident.io's public API we use (contract: sandbox/openapi-subset.json,
 * extracted from incident.io's published schema). Objects are non-strict so additive API changes are
 * harmless; enums are open strings so a new category or role never crashes the UI.
 */

/** An enum the API may extend: known values typed, anything else still a string. */
const openEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.enum(values), z.string()]);

export const statusCategorySchema = openEnum([
  'triage', 'live', 'learning', 'paused', 'closed', 'declined', 'canceled', 'merged',
]);
export type StatusCategory = z.infer<typeof statusCategorySchema>;

export const incidentStatusSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  category: statusCategorySchema,
  rank: z.number(),
});
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;

export const severitySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  rank: z.number(),
});
export type Severity = z.infer<typeof severitySchema>;

export const incidentTypeSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  is_default: z.boolean(),
  private_incidents_only: z.boolean(),
  create_in_triage: openEnum(['always', 'optional']),
});
export type IncidentType = z.infer<typeof incidentTypeSchema>;

export const actorSchema = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string().optional() }).optional(),
  api_key: z.object({ id: z.string(), name: z.string() }).optional(),
  workflow: z.object({ id: z.string(), name: z.string() }).optional(),
  alert: z.object({ id: z.string(), title: z.string() }).optional(),
});
export type Actor = z.infer<typeof actorSchema>;

export const roleAssignmentSchema = z.object({
  role: z.object({ id: z.string(), name: z.string(), role_type: openEnum(['lead', 'reporter', 'custom']) }),
  assignee: z.object({ id: z.string(), name: z.string(), email: z.string().optional() }).optional(),
});

export const visibilitySchema = openEnum(['public', 'private']);

export const incidentSchema = z.object({
  id: z.string(),
  reference: z.string(),
  name: z.string(),
  summary: z.string().optional(),
  visibility: visibilitySchema,
  mode: z.string(),
  permalink: z.string().optional(),
  slack_channel_id: z.string(),
  slack_channel_name: z.string().optional(),
  call_url: z.string().optional(),
  created_at: z.string(),
  updated_at: z.string(),
  incident_status: incidentStatusSchema,
  severity: severitySchema.optional(),
  incident_type: incidentTypeSchema.partial({ is_default: true, private_incidents_only: true, create_in_triage: true }).optional(),
  incident_role_assignments: z.array(roleAssignmentSchema),
  creator: actorSchema,
});
export type Incident = z.infer<typeof incidentSchema>;

export const paginationMetaSchema = z.object({
  after: z.string().optional(),
  page_size: z.number(),
  total_record_count: z.number().optional(),
});

export const listIncidentsResponseSchema = z.object({
  incidents: z.array(incidentSchema),
  pagination_meta: paginationMetaSchema,
});
export const incidentResponseSchema = z.object({ incident: incidentSchema });

export const incidentUpdateSchema = z.object({
  id: z.string(),
  incident_id: z.string(),
  created_at: z.string(),
  message: z.string().optional(),
  new_incident_status: incidentStatusSchema,
  new_severity: severitySchema.optional(),
  merged_into_incident_id: z.string().optional(),
  updater: actorSchema,
});
export type IncidentUpdate = z.infer<typeof incidentUpdateSchema>;
export const listIncidentUpdatesResponseSchema = z.object({
  incident_updates: z.array(incidentUpdateSchema),
  pagination_meta: paginationMetaSchema,
});

export const identitySchema = z.object({
  name: z.string(),
  dashboard_url: z.string(),
  roles: z.array(z.string()),
  team_roles: z.array(z.string()).optional(),
  teams: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
});
export type Identity = z.infer<typeof identitySchema>;
export const identityResponseSchema = z.object({ identity: identitySchema });

export const listStatusesResponseSchema = z.object({ incident_statuses: z.array(incidentStatusSchema) });
export const listSeveritiesResponseSchema = z.object({ severities: z.array(severitySchema) });
export const listIncidentTypesResponseSchema = z.object({ incident_types: z.array(incidentTypeSchema) });

export const attachmentResourceTypeSchema = openEnum([
  'pager_duty_incident', 'opsgenie_alert', 'datadog_monitor_alert', 'github_pull_request', 'gitlab_merge_request',
  'sentry_issue', 'jira_issue', 'atlassian_statuspage_incident', 'zendesk_ticket', 'google_calendar_event',
  'scrubbed', 'statuspage_incident', 'salesforce_case', 'arbitrary_url',
]);
export const incidentAttachmentSchema = z.object({
  id: z.string(),
  incident_id: z.string(),
  resource: z.object({
    external_id: z.string(),
    permalink: z.string(),
    title: z.string(),
    resource_type: attachmentResourceTypeSchema,
  }),
});
export type IncidentAttachment = z.infer<typeof incidentAttachmentSchema>;
export const listAttachmentsResponseSchema = z.object({ incident_attachments: z.array(incidentAttachmentSchema) });
export const attachmentResponseSchema = z.object({ incident_attachment: incidentAttachmentSchema });

/** The error envelope incident.io sends with every non-2xx JSON answer. */
export const apiErrorBodySchema = z.object({
  type: z.string().optional(),
  status: z.number().optional(),
  request_id: z.string().optional(),
  errors: z.array(z.object({
    code: z.string().optional(),
    message: z.string().optional(),
    source: z.object({ field: z.string().optional() }).optional(),
    // Shape undocumented; a 403 may name the missing role here.
    metadata: z.unknown().optional(),
  })).optional(),
  rate_limit: z.object({ retry_after: z.string().optional() }).optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

// Request payloads (what we send).
export const createIncidentPayloadSchema = z.object({
  idempotency_key: z.string().min(1),
  visibility: z.enum(['public', 'private']),
  name: z.string().optional(),
  summary: z.string().optional(),
  severity_id: z.string().optional(),
  incident_type_id: z.string().optional(),
  incident_status_id: z.string().optional(),
  mode: z.enum(['standard', 'retrospective', 'test', 'tutorial']).optional(),
});
export type CreateIncidentPayload = z.infer<typeof createIncidentPayloadSchema>;

export const editIncidentPayloadSchema = z.object({
  incident: z.object({
    incident_status_id: z.string().optional(),
    severity_id: z.string().optional(),
    name: z.string().optional(),
    summary: z.string().optional(),
  }),
  notify_incident_channel: z.boolean(),
});
export type EditIncidentPayload = z.infer<typeof editIncidentPayloadSchema>;

export const createAttachmentPayloadSchema = z.object({
  incident_id: z.string(),
  resource: z.object({
    external_id: z.string(),
    resource_type: z.enum(['zendesk_ticket', 'salesforce_case', 'arbitrary_url']),
    title: z.string().optional(),
    url: z.string().optional(),
  }),
});
export type CreateAttachmentPayload = z.infer<typeof createAttachmentPayloadSchema>;
