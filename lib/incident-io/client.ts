import type { z } from 'zod/mini';
import { errorFromResponse, IncidentIoError } from './errors';
import { type RetryPolicy, withRetry } from './retry';
import {
  attachmentResponseSchema,
  type CreateAttachmentPayload,
  type CreateIncidentPayload,
  type EditIncidentPayload,
  identityResponseSchema,
  incidentResponseSchema,
  type Incident,
  type IncidentUpdate,
  listAttachmentsResponseSchema,
  listIncidentsResponseSchema,
  listIncidentTypesResponseSchema,
  listIncidentUpdatesResponseSchema,
  listSeveritiesResponseSchema,
  listStatusesResponseSchema,
  type CatalogEntry,
  type CreateEscalationPayload,
  type CreateStatusPageIncidentPayload,
  type CreateStatusPageIncidentUpdatePayload,
  createStatusPageIncidentUpdatePayloadSchema,
  escalationResponseSchema,
  listCatalogEntriesResponseSchema,
  listCatalogTypesResponseSchema,
  listCustomFieldOptionsResponseSchema,
  listCustomFieldsResponseSchema,
  listEscalationPathsResponseSchema,
  listEscalationsResponseSchema,
  listIncidentRolesResponseSchema,
  listScheduleEntriesResponseSchema,
  listSchedulesResponseSchema,
  listStatusPagesResponseSchema,
  listUsersResponseSchema,
  statusPageIncidentResponseSchema,
  statusPageIncidentUpdateResponseSchema,
} from './schemas';

/** From incident.io's `X-RateLimit-*` headers, when sent (they may be omitted). */
export interface RateLimitInfo {
  limit?: number;
  remaining?: number;
  /** Epoch ms when the bucket refills. */
  resetAt?: number;
}

export interface IncidentIoClientOptions {
  /** Already validated (`validateBaseUrl`), e.g. `https://api.incident.io`. */
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
  /** Per attempt, including reading the body. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  onRateLimitInfo?: (info: RateLimitInfo) => void;
}

export interface ListIncidentsOptions {
  /** e.g. `['triage', 'live']`; each becomes a repeated `status_category[one_of]`. */
  statusCategories?: readonly string[];
  /** Clamped to 1…250 (the documented maximum). */
  pageSize?: number;
  after?: string;
  sortBy?: 'created_at_newest_first' | 'created_at_oldest_first';
}

export interface ListAttachmentsOptions {
  incidentId?: string;
  externalId?: string;
  resourceType?: string;
}

export interface ListCatalogEntriesOptions {
  catalogTypeId: string;
  /** Matches id, external id and aliases (and the name when the type uses names as identifiers). */
  identifier?: string;
  pageSize?: number;
  after?: string;
}

export type IncidentIoClient = ReturnType<typeof createIncidentIoClient>;

/** Per-endpoint page size maxima from openapi.json (escalation paths 25, escalations 50). */
const ESCALATION_PATHS_PAGE = 25;
const ESCALATIONS_PAGE = 50;

const DEFAULT_TIMEOUT_MS = 15_000;
const MAX_PAGE_SIZE = 250;
/** 20 pages of 250: far beyond any open-incident list, but stops a cursor that never ends. */
const DEFAULT_MAX_PAGES = 20;
const MAX_ATTEMPTS = 3;
const MAX_RETRY_AFTER_MS = 30_000;

interface RequestSpec<T> {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: URLSearchParams;
  body?: unknown;
  /** null: the answer has no body we use (204). */
  schema: z.ZodMiniType<T> | null;
  policy: RetryPolicy;
  /**
   * Named in the error when a 403 doesn't say which role is missing. For attachments this is an
   * inference: the schema lists scopes (`attachments.create`), not the role that grants them.
   */
  requiredRole?: string;
}

/** The typed incident.io API for the background. Pure: no extension APIs; `fetch` is injectable. */
export function createIncidentIoClient(options: IncidentIoClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;

  async function attemptOnce<T>(spec: RequestSpec<T>, url: string, body: string | undefined): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Bearer ${options.apiKey}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    // fetch rejects with a TypeError when offline/blocked, and with an AbortError once we abort.
    const transportFailure = (error: unknown) =>
      controller.signal.aborted
        ? new IncidentIoError('timeout', { timeoutMs, cause: error })
        : new IncidentIoError('network', { baseUrl, cause: error });
    try {
      const response = await doFetch(url, { method: spec.method, headers, body, signal: controller.signal })
        .catch((error: unknown) => Promise.reject(transportFailure(error)));
      reportRateLimit(response.headers);
      const text = await response.text().catch((error: unknown) => Promise.reject(transportFailure(error)));
      const json = parseJson(text);
      if (!response.ok) {
        throw errorFromResponse(response.status, json, response.headers, now(), { requiredRole: spec.requiredRole });
      }
      return parseBody(spec.schema, json, text, response.status, response.headers);
    } finally {
      clearTimeout(timer);
    }
  }

  function request<T>(spec: RequestSpec<T>): Promise<T> {
    const query = spec.query?.toString();
    const url = `${baseUrl}${spec.path}${query ? `?${query}` : ''}`;
    // Serialised once: a retried create must send the very same idempotency key and body.
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    return withRetry(() => attemptOnce(spec, url, body), {
      policy: spec.policy,
      maxAttempts: MAX_ATTEMPTS,
      sleep,
      random,
      maxRetryAfterMs: MAX_RETRY_AFTER_MS,
    });
  }

  function reportRateLimit(headers: Headers) {
    if (!options.onRateLimitInfo) return;
    const info = rateLimitInfo(headers, now());
    if (info) options.onRateLimitInfo(info);
  }

  const get = <T>(path: string, schema: z.ZodMiniType<T>, query?: URLSearchParams) =>
    request({ method: 'GET', path, query, schema, policy: 'transient' });

  function listIncidents(opts: ListIncidentsOptions = {}) {
    const query = new URLSearchParams();
    for (const category of opts.statusCategories ?? []) query.append('status_category[one_of]', category);
    if (opts.pageSize !== undefined) query.set('page_size', String(clampPageSize(opts.pageSize)));
    if (opts.after) query.set('after', opts.after);
    if (opts.sortBy) query.set('sort_by', opts.sortBy);
    return get('/v2/incidents', listIncidentsResponseSchema, query);
  }

  return {
    /** The key's name and roles; 200 means the key works. */
    identity: async () => (await get('/v1/identity', identityResponseSchema)).identity,

    listStatuses: async () => (await get('/v1/incident_statuses', listStatusesResponseSchema)).incident_statuses,

    listSeverities: async () => (await get('/v1/severities', listSeveritiesResponseSchema)).severities,

    listIncidentTypes: async () => (await get('/v1/incident_types', listIncidentTypesResponseSchema)).incident_types,

    /** One page: `{ incidents, pagination_meta }`. */
    listIncidents,

    /** Every page, following `pagination_meta.after` (at most `maxPages`, default 20). */
    /** Every page; `onPage` sees the incidents so far after each page that has more behind it. */
    listAllIncidents: ({
      maxPages = DEFAULT_MAX_PAGES, onPage, ...opts
    }: ListIncidentsOptions & { maxPages?: number; onPage?: (soFar: Incident[]) => void } = {}) =>
      collectPages(async (after) => {
        const page = await listIncidents({ pageSize: MAX_PAGE_SIZE, ...opts, after });
        return { items: page.incidents, after: page.pagination_meta.after };
      }, maxPages, opts.after, onPage),

    /** `pathId` is the ULID or the reference's number (INC-123 → `123`). */
    getIncident: async (pathId: string) =>
      (await get(`/v2/incidents/${encodeURIComponent(pathId)}`, incidentResponseSchema)).incident,

    createIncident: async (payload: CreateIncidentPayload) =>
      (await request({
        method: 'POST', path: '/v2/incidents', body: payload, schema: incidentResponseSchema,
        policy: 'transient', requiredRole: 'incident_creator',
      })).incident,

    /** `id` should be the ULID: the numeric form isn't documented for edits. */
    editIncident: async (id: string, payload: EditIncidentPayload) =>
      (await request({
        method: 'POST', path: `/v2/incidents/${encodeURIComponent(id)}/actions/edit`, body: payload,
        schema: incidentResponseSchema, policy: 'rate_limit_only', requiredRole: 'incident_editor',
      })).incident,

    /** Every update on the incident (ULID), oldest first: the API doesn't document an order. */
    listIncidentUpdates: async (incidentId: string) => {
      const updates = await collectPages(async (after) => {
        const query = new URLSearchParams({ incident_id: incidentId, page_size: String(MAX_PAGE_SIZE) });
        if (after) query.set('after', after);
        const page = await get('/v2/incident_updates', listIncidentUpdatesResponseSchema, query);
        return { items: page.incident_updates, after: page.pagination_meta.after };
      }, DEFAULT_MAX_PAGES);
      return sortByCreatedAt(updates);
    },

    listAttachments: async (opts: ListAttachmentsOptions = {}) => {
      const query = new URLSearchParams();
      if (opts.incidentId) query.set('incident_id', opts.incidentId);
      if (opts.externalId) query.set('external_id', opts.externalId);
      if (opts.resourceType) query.set('resource_type', opts.resourceType);
      return (await get('/v1/incident_attachments', listAttachmentsResponseSchema, query)).incident_attachments;
    },

    createAttachment: async (payload: CreateAttachmentPayload) =>
      (await request({
        method: 'POST', path: '/v1/incident_attachments', body: payload, schema: attachmentResponseSchema,
        policy: 'rate_limit_only', requiredRole: 'incident_editor',
      })).incident_attachment,

    listCustomFields: async () => (await get('/v2/custom_fields', listCustomFieldsResponseSchema)).custom_fields,

    /** Every option of a select field, in the API's (sort_key) order. */
    listCustomFieldOptions: (customFieldId: string) => collectPages(async (after) => {
      const page = await get('/v1/custom_field_options', listCustomFieldOptionsResponseSchema, pageQuery({ custom_field_id: customFieldId }, MAX_PAGE_SIZE, after));
      return { items: page.custom_field_options, after: page.pagination_meta.after };
    }, DEFAULT_MAX_PAGES),

    listCatalogTypes: async () => (await get('/v2/catalog_types', listCatalogTypesResponseSchema)).catalog_types,

    /** One page of a catalog type's entries (v3: `page_size` is required there, so always sent). */
    listCatalogEntries: async (opts: ListCatalogEntriesOptions): Promise<{ entries: CatalogEntry[]; after?: string }> => {
      const query = pageQuery({ catalog_type_id: opts.catalogTypeId }, clampPageSize(opts.pageSize ?? 25), opts.after);
      if (opts.identifier) query.set('identifier', opts.identifier);
      const page = await get('/v3/catalog_entries', listCatalogEntriesResponseSchema, query);
      return { entries: page.catalog_entries, ...(page.pagination_meta.after ? { after: page.pagination_meta.after } : {}) };
    },

    listIncidentRoles: async () => (await get('/v2/incident_roles', listIncidentRolesResponseSchema)).incident_roles,

    /** One page of users; `email` filters exactly (the API has no name search). */
    listUsers: async (opts: { pageSize?: number; after?: string; email?: string } = {}) => {
      const query = pageQuery({}, clampPageSize(opts.pageSize ?? MAX_PAGE_SIZE), opts.after);
      if (opts.email) query.set('email', opts.email);
      const page = await get('/v2/users', listUsersResponseSchema, query);
      return { users: page.users, ...(page.pagination_meta.after ? { after: page.pagination_meta.after } : {}) };
    },

    listEscalationPaths: () => collectPages(async (after) => {
      const page = await get('/v2/escalation_paths', listEscalationPathsResponseSchema, pageQuery({}, ESCALATION_PATHS_PAGE, after));
      return { items: page.escalation_paths, after: page.pagination_meta.after };
    }, DEFAULT_MAX_PAGES),

    /** The incident's escalations (ULID), newest first as the API orders them. */
    listEscalations: (incidentId: string) => collectPages(async (after) => {
      const query = pageQuery({}, ESCALATIONS_PAGE, after);
      query.append('incident[one_of]', incidentId);
      const page = await get('/v2/escalations', listEscalationsResponseSchema, query);
      return { items: page.escalations, after: page.pagination_meta.after };
    }, DEFAULT_MAX_PAGES),

    /** Retried on transient failures with the same idempotency key, so it never pages twice. */
    createEscalation: async (payload: CreateEscalationPayload) =>
      (await request({
        method: 'POST', path: '/v2/escalations', body: payload, schema: escalationResponseSchema,
        policy: 'transient', requiredRole: 'escalation_creator',
      })).escalation,

    listSchedules: () => collectPages(async (after) => {
      const page = await get('/v2/schedules', listSchedulesResponseSchema, pageQuery({}, MAX_PAGE_SIZE, after));
      return { items: page.schedules, after: page.pagination_meta?.after };
    }, DEFAULT_MAX_PAGES),

    /**
     * The effective (`final`, after overrides) entries overlapping [from, to). The next page's cursor
     * goes back in `entry_window_start`, with the end unchanged, as the endpoint documents.
     */
    listScheduleEntries: (scheduleId: string, from: Date, to: Date) => collectPages(async (cursor) => {
      const query = new URLSearchParams({ schedule_id: scheduleId, entry_window_start: cursor ?? from.toISOString(), entry_window_end: to.toISOString() });
      const page = await get('/v2/schedule_entries', listScheduleEntriesResponseSchema, query);
      return { items: page.schedule_entries.final, after: page.pagination_meta?.after };
    }, DEFAULT_MAX_PAGES),

    listStatusPages: () => collectPages(async (after) => {
      const page = await get('/v2/status_pages', listStatusPagesResponseSchema, pageQuery({}, MAX_PAGE_SIZE, after));
      return { items: page.status_pages, after: page.pagination_meta.after };
    }, DEFAULT_MAX_PAGES),

    getStatusPageIncident: async (id: string) =>
      (await get(`/v2/status_page_incidents/${encodeURIComponent(id)}`, statusPageIncidentResponseSchema)).status_page_incident,

    /** Retried with the same idempotency key: a lost answer never publishes twice. */
    createStatusPageIncident: async (payload: CreateStatusPageIncidentPayload) =>
      (await request({
        method: 'POST', path: '/v2/status_page_incidents', body: payload, schema: statusPageIncidentResponseSchema,
        policy: 'transient', requiredRole: 'status_page_publisher',
      })).status_page_incident,

    /**
     * Not idempotent (the endpoint takes no key): retried only on 429, where nothing happened. After
     * an unknown outcome the caller re-reads the status page incident before offering a retry.
     */
    createStatusPageIncidentUpdate: async (payload: CreateStatusPageIncidentUpdatePayload) =>
      (await request({
        method: 'POST', path: '/v2/status_page_incident_updates', body: createStatusPageIncidentUpdatePayloadSchema.parse(payload),
        schema: statusPageIncidentUpdateResponseSchema, policy: 'rate_limit_only', requiredRole: 'status_page_publisher',
      })).status_page_incident_update,

    deleteAttachment: async (id: string): Promise<void> => {
      await request({
        method: 'DELETE', path: `/v1/incident_attachments/${encodeURIComponent(id)}`, schema: null,
        policy: 'rate_limit_only', requiredRole: 'incident_editor',
      });
    },
  };
}

function pageQuery(base: Record<string, string>, pageSize: number, after: string | undefined): URLSearchParams {
  const query = new URLSearchParams({ ...base, page_size: String(pageSize) });
  if (after) query.set('after', after);
  return query;
}

function clampPageSize(pageSize: number): number {
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize)));
}

/** Absent or non-JSON bodies are `undefined`; the caller decides whether that's an error. */
function parseJson(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseBody<T>(schema: z.ZodMiniType<T> | null, json: unknown, text: string, status: number, headers: Headers): T {
  if (schema === null) return undefined as T;
  const requestId = headers.get('x-request-id') ?? undefined;
  if (json === undefined) {
    throw new IncidentIoError('malformed', { status, requestId, detail: text.trim() ? 'not JSON' : 'empty answer' });
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw new IncidentIoError('malformed', { status, requestId, detail: `${where}${issue?.message ?? 'invalid'}`, cause: parsed.error });
}

async function collectPages<T>(
  fetchPage: (after: string | undefined) => Promise<{ items: T[]; after?: string }>,
  maxPages: number,
  firstAfter?: string,
  onPage?: (soFar: T[]) => void,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let after = firstAfter;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(after);
    items.push(...result.items);
    // A repeated cursor would loop forever; treat it as the end.
    if (!result.after || seen.has(result.after)) break;
    seen.add(result.after);
    after = result.after;
    onPage?.([...items]);
  }
  return items;
}

function sortByCreatedAt(updates: IncidentUpdate[]): IncidentUpdate[] {
  return [...updates].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
}

/** `X-RateLimit-Limit` can list policies (`60, 1200;window=60`); the first number is the one in force. */
function rateLimitInfo(headers: Headers, now: number): RateLimitInfo | undefined {
  const limit = leadingNumber(headers.get('x-ratelimit-limit'));
  const remaining = leadingNumber(headers.get('x-ratelimit-remaining'));
  const reset = leadingNumber(headers.get('x-ratelimit-reset'));
  if (limit === undefined && remaining === undefined && reset === undefined) return undefined;
  // Documented as unix seconds; the IETF draft uses delta-seconds, so small values are read as a delta.
  const resetAt = reset === undefined ? undefined : reset > 1e9 ? reset * 1000 : now + reset * 1000;
  return {
    ...(limit === undefined ? {} : { limit }),
    ...(remaining === undefined ? {} : { remaining }),
    ...(resetAt === undefined ? {} : { resetAt }),
  };
}

function leadingNumber(value: string | null): number | undefined {
  const match = value?.match(/^\s*(\d+(?:\.\d+)?)/);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
