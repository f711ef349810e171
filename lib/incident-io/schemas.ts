import { z } from 'zod/mini';
import { customFieldEntrySchema } from './catalog-schemas';

/**
 * Schemas for the parts of incident.io's public API we use (contract: sandbox/openapi-subset.json,
 * extracted from incident.io's published schema). Objects are non-strict so additive API changes are
 * harmless; enums are open strings so a new category or role never crashes the UI.
 * Written with zod/mini (functional API, same validation): the side panel parses its storage reads
 * with these, and mini's bundle is a third of classic zod's.
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
  description: z.optional(z.string()),
  category: statusCategorySchema,
  rank: z.number(),
});
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;

export const severitySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.optional(z.string()),
  rank: z.number(),
});
export type Severity = z.infer<typeof severitySchema>;

export const incidentTypeSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.optional(z.string()),
  is_default: z.boolean(),
  private_incidents_only: z.boolean(),
  create_in_triage: openEnum(['always', 'optional']),
});
export type IncidentType = z.infer<typeof incidentTypeSchema>;

export const actorSchema = z.object({
  user: z.optional(z.object({ id: z.string(), name: z.string(), email: z.optional(z.string()) })),
  api_key: z.optional(z.object({ id: z.string(), name: z.string() })),
  workflow: z.optional(z.object({ id: z.string(), name: z.string() })),
  alert: z.optional(z.object({ id: z.string(), title: z.string() })),
});
export type Actor = z.infer<typeof actorSchema>;

export const roleAssignmentSchema = z.object({
  role: z.object({ id: z.string(), name: z.string(), role_type: openEnum(['lead', 'reporter', 'custom']) }),
  assignee: z.optional(z.object({ id: z.string(), name: z.string(), email: z.optional(z.string()) })),
});

export const visibilitySchema = openEnum(['public', 'private']);

export const incidentSchema = z.object({
  id: z.string(),
  reference: z.string(),
  name: z.string(),
  summary: z.optional(z.string()),
  visibility: visibilitySchema,
  mode: z.string(),
  permalink: z.optional(z.string()),
  slack_channel_id: z.string(),
  slack_channel_name: z.optional(z.string()),
  call_url: z.optional(z.string()),
  created_at: z.string(),
  updated_at: z.string(),
  incident_status: incidentStatusSchema,
  severity: z.optional(severitySchema),
  incident_type: z.optional(z.partial(incidentTypeSchema, { is_default: true, private_incidents_only: true, create_in_triage: true })),
  incident_role_assignments: z.array(roleAssignmentSchema),
  creator: actorSchema,
  /** Always sent by incident.io; optional so older cached lists still parse. */
  custom_field_entries: z.optional(z.array(customFieldEntrySchema)),
});
export type Incident = z.infer<typeof incidentSchema>;

export const paginationMetaSchema = z.object({
  after: z.optional(z.string()),
  page_size: z.number(),
  total_record_count: z.optional(z.number()),
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
  message: z.optional(z.string()),
  new_incident_status: incidentStatusSchema,
  new_severity: z.optional(severitySchema),
  merged_into_incident_id: z.optional(z.string()),
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
  team_roles: z.optional(z.array(z.string())),
  teams: z.optional(z.array(z.object({ id: z.string(), name: z.string() }))),
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
  type: z.optional(z.string()),
  status: z.optional(z.number()),
  request_id: z.optional(z.string()),
  errors: z.optional(z.array(z.object({
    code: z.optional(z.string()),
    message: z.optional(z.string()),
    source: z.optional(z.object({ field: z.optional(z.string()) })),
    // Shape undocumented; a 403 may name the missing role here.
    metadata: z.optional(z.unknown()),
  }))),
  rate_limit: z.optional(z.object({ retry_after: z.optional(z.string()) })),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

// Request payloads (what we send).
export const createIncidentPayloadSchema = z.object({
  idempotency_key: z.string().check(z.minLength(1)),
  visibility: z.enum(['public', 'private']),
  name: z.optional(z.string()),
  summary: z.optional(z.string()),
  severity_id: z.optional(z.string()),
  incident_type_id: z.optional(z.string()),
  incident_status_id: z.optional(z.string()),
  mode: z.optional(z.enum(['standard', 'retrospective', 'test', 'tutorial'])),
});
export type CreateIncidentPayload = z.infer<typeof createIncidentPayloadSchema>;

export const editIncidentPayloadSchema = z.object({
  incident: z.object({
    incident_status_id: z.optional(z.string()),
    severity_id: z.optional(z.string()),
    name: z.optional(z.string()),
    summary: z.optional(z.string()),
    /** An empty `values` unsets the field; numbers travel as strings (`value_numeric`). */
    custom_field_entries: z.optional(z.array(z.object({
      custom_field_id: z.string(),
      values: z.array(z.object({ value_numeric: z.optional(z.string()) })),
    }))),
  }),
  notify_incident_channel: z.boolean(),
});
export type EditIncidentPayload = z.infer<typeof editIncidentPayloadSchema>;

export const createAttachmentPayloadSchema = z.object({
  incident_id: z.string(),
  resource: z.object({
    external_id: z.string(),
    resource_type: z.enum(['zendesk_ticket', 'salesforce_case', 'arbitrary_url']),
    title: z.optional(z.string()),
    url: z.optional(z.string()),
  }),
});
export type CreateAttachmentPayload = z.infer<typeof createAttachmentPayloadSchema>;
