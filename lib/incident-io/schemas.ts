import { z } from 'zod/mini';

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
  custom_field_entries: z.optional(z.lazy(() => z.array(customFieldEntrySchema))),
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
  custom_field_entries: z.optional(z.lazy(() => z.array(customFieldEntryPayloadSchema))),
});
export type CreateIncidentPayload = z.infer<typeof createIncidentPayloadSchema>;

export const editIncidentPayloadSchema = z.object({
  incident: z.object({
    incident_status_id: z.optional(z.string()),
    severity_id: z.optional(z.string()),
    name: z.optional(z.string()),
    summary: z.optional(z.string()),
    custom_field_entries: z.optional(z.lazy(() => z.array(customFieldEntryPayloadSchema))),
  }),
  notify_incident_channel: z.boolean(),
});
export type EditIncidentPayload = z.infer<typeof editIncidentPayloadSchema>;

export const createAttachmentPayloadSchema = z.object({
  incident_id: z.string(),
  resource: z.object({
    external_id: z.string(),
    resource_type: z.enum(['zendesk_ticket', 'salesforce_case', 'arbitrary_url', 'statuspage_incident']),
    title: z.optional(z.string()),
    url: z.optional(z.string()),
  }),
});
export type CreateAttachmentPayload = z.infer<typeof createAttachmentPayloadSchema>;

// The organisation's own fields, the catalog, on-call and status pages (issues 11 and 12).

export const customFieldTypeSchema = openEnum(['single_select', 'multi_select', 'text', 'link', 'numeric']);
export const customFieldSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  field_type: customFieldTypeSchema,
  /** Set for catalog-backed fields: values are entries of this catalog type. */
  catalog_type_id: z.optional(z.string()),
});
export type CustomField = z.infer<typeof customFieldSchema>;
export const listCustomFieldsResponseSchema = z.object({ custom_fields: z.array(customFieldSchema) });

export const customFieldOptionSchema = z.object({ id: z.string(), custom_field_id: z.string(), value: z.string(), sort_key: z.number() });
export type CustomFieldOption = z.infer<typeof customFieldOptionSchema>;
export const listCustomFieldOptionsResponseSchema = z.object({
  custom_field_options: z.array(customFieldOptionSchema),
  pagination_meta: paginationMetaSchema,
});

export const embeddedCatalogEntrySchema = z.object({
  id: z.string(), name: z.string(), external_id: z.optional(z.string()), aliases: z.optional(z.array(z.string())),
});
export const customFieldValueSchema = z.object({
  value_option: z.optional(customFieldOptionSchema),
  value_catalog_entry: z.optional(embeddedCatalogEntrySchema),
  value_text: z.optional(z.string()),
  value_link: z.optional(z.string()),
  value_numeric: z.optional(z.string()),
});
export const customFieldEntrySchema = z.object({
  custom_field: z.object({ id: z.string(), name: z.string(), field_type: customFieldTypeSchema }),
  values: z.array(customFieldValueSchema),
});
export type CustomFieldEntry = z.infer<typeof customFieldEntrySchema>;

/** One value as sent: exactly one key, the one the field's type takes. */
export const customFieldValuePayloadSchema = z.object({
  value_option_id: z.optional(z.string()),
  /** An entry's id, external id or alias; never its name. */
  value_catalog_entry_id: z.optional(z.string()),
  value_text: z.optional(z.string()),
  value_link: z.optional(z.string()),
  value_numeric: z.optional(z.string()),
});
export const customFieldEntryPayloadSchema = z.object({
  custom_field_id: z.string(),
  /** Empty unsets the field. */
  values: z.array(customFieldValuePayloadSchema),
});
export type CustomFieldEntryPayload = z.infer<typeof customFieldEntryPayloadSchema>;

export const catalogTypeSchema = z.object({
  id: z.string(), name: z.string(), description: z.optional(z.string()), type_name: z.optional(z.string()),
  categories: z.optional(z.array(z.string())), use_name_as_identifier: z.optional(z.boolean()), estimated_count: z.optional(z.number()),
});
export type CatalogType = z.infer<typeof catalogTypeSchema>;
export const listCatalogTypesResponseSchema = z.object({ catalog_types: z.array(catalogTypeSchema) });
export const catalogEntrySchema = z.object({
  id: z.string(), catalog_type_id: z.string(), name: z.string(), external_id: z.optional(z.string()), aliases: z.array(z.string()),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;
export const listCatalogEntriesResponseSchema = z.object({
  catalog_type: z.optional(catalogTypeSchema),
  catalog_entries: z.array(catalogEntrySchema),
  pagination_meta: paginationMetaSchema,
});

export const incidentRoleSchema = z.object({
  id: z.string(), name: z.string(), shortform: z.optional(z.string()), description: z.optional(z.string()),
  role_type: openEnum(['lead', 'reporter', 'custom']),
});
export type IncidentRole = z.infer<typeof incidentRoleSchema>;
export const listIncidentRolesResponseSchema = z.object({ incident_roles: z.array(incidentRoleSchema) });

export const userSchema = z.object({ id: z.string(), name: z.string(), email: z.optional(z.string()), is_active: z.optional(z.boolean()) });
export type User = z.infer<typeof userSchema>;
export const listUsersResponseSchema = z.object({ users: z.array(userSchema), pagination_meta: paginationMetaSchema });

export const escalationPathSchema = z.object({ id: z.string(), name: z.string() });
export type EscalationPath = z.infer<typeof escalationPathSchema>;
export const listEscalationPathsResponseSchema = z.object({ escalation_paths: z.array(escalationPathSchema), pagination_meta: paginationMetaSchema });

export const escalationSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.optional(z.string()),
  status: openEnum(['pending', 'triggered', 'acked', 'resolved', 'expired', 'cancelled', 'snoozed', 'delayed', 'pending_repeat']),
  escalation_path_id: z.optional(z.string()),
  created_at: z.string(),
  related_incidents: z.optional(z.array(z.object({ id: z.string(), reference: z.optional(z.string()) }))),
});
export type Escalation = z.infer<typeof escalationSchema>;
export const listEscalationsResponseSchema = z.object({ escalations: z.array(escalationSchema), pagination_meta: paginationMetaSchema });
export const escalationResponseSchema = z.object({ escalation: escalationSchema });
export const createEscalationPayloadSchema = z.object({
  idempotency_key: z.string().check(z.minLength(1)),
  title: z.string().check(z.minLength(1)),
  description: z.optional(z.string()),
  escalation_path_id: z.optional(z.string()),
  user_ids: z.optional(z.array(z.string())),
  incident_id: z.optional(z.string()),
});
export type CreateEscalationPayload = z.infer<typeof createEscalationPayloadSchema>;

export const scheduleSchema = z.object({ id: z.string(), name: z.string(), timezone: z.optional(z.string()), permalink: z.optional(z.string()) });
export type Schedule = z.infer<typeof scheduleSchema>;
export const listSchedulesResponseSchema = z.object({ schedules: z.array(scheduleSchema), pagination_meta: z.optional(paginationMetaSchema) });
export const scheduleEntrySchema = z.object({
  start_at: z.string(), end_at: z.string(), user: z.optional(z.object({ id: z.string(), name: z.string(), email: z.optional(z.string()) })),
});
export type ScheduleEntry = z.infer<typeof scheduleEntrySchema>;
export const listScheduleEntriesResponseSchema = z.object({
  schedule_entries: z.object({ final: z.array(scheduleEntrySchema) }),
  pagination_meta: z.optional(z.object({ after: z.optional(z.string()) })),
});

export const statusPageSchema = z.object({ id: z.string(), name: z.string(), description: z.optional(z.string()), public_url: z.optional(z.string()) });
export type StatusPage = z.infer<typeof statusPageSchema>;
export const listStatusPagesResponseSchema = z.object({ status_pages: z.array(statusPageSchema), pagination_meta: paginationMetaSchema });

export const statusPageIncidentStatusSchema = openEnum(['investigating', 'identified', 'monitoring', 'resolved']);
export const statusPageIncidentUpdateSchema = z.object({
  id: z.string(), status_page_incident_id: z.string(), published_at: z.string(), message: z.string(), incident_status: statusPageIncidentStatusSchema,
});
export type StatusPageIncidentUpdate = z.infer<typeof statusPageIncidentUpdateSchema>;
export const statusPageIncidentSchema = z.object({
  id: z.string(), status_page_id: z.string(), name: z.string(), published_at: z.string(), incident_status: statusPageIncidentStatusSchema,
  updates: z.array(statusPageIncidentUpdateSchema),
});
export type StatusPageIncident = z.infer<typeof statusPageIncidentSchema>;
export const statusPageIncidentResponseSchema = z.object({ status_page_incident: statusPageIncidentSchema });
export const statusPageIncidentUpdateResponseSchema = z.object({ status_page_incident_update: statusPageIncidentUpdateSchema });

/** The statuses a customer may read; the form offers these four. */
export const PUBLIC_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const createStatusPageIncidentPayloadSchema = z.object({
  idempotency_key: z.string().check(z.minLength(1)),
  status_page_id: z.string(),
  name: z.string().check(z.minLength(1)),
  incident_status: z.enum(PUBLIC_STATUSES),
  message: z.string().check(z.minLength(1)),
  notify_subscribers: z.boolean(),
});
export type CreateStatusPageIncidentPayload = z.infer<typeof createStatusPageIncidentPayloadSchema>;
/** No idempotency key: the endpoint has none, so the caller guards against double sends itself. */
export const createStatusPageIncidentUpdatePayloadSchema = z.strictObject({
  status_page_incident_id: z.string(),
  message: z.string().check(z.minLength(1)),
  incident_status: z.optional(z.enum(PUBLIC_STATUSES)),
  notify_subscribers: z.boolean(),
});
export type CreateStatusPageIncidentUpdatePayload = z.infer<typeof createStatusPageIncidentUpdatePayloadSchema>;
