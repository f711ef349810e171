import { z } from 'zod';
import { apiErrorBodySchema, type ApiErrorBody } from './schemas';
import { findKnownRole, missingRoleSentence, permissionLabel } from './roles';

export type ErrorKind =
  | 'unauthorized' | 'forbidden' | 'not_found' | 'validation' | 'rate_limited' | 'server'
  | 'network' | 'timeout' | 'malformed' | 'not_configured' | 'bad_input' | 'not_allowed';

/** Serialisable error description; `message` is what a person reads and can act on. */
export interface ErrorInfo {
  kind: ErrorKind;
  message: string;
  requestId?: string;
  /** Field errors from a 422, keyed by payload field (e.g. `severity_id`). */
  fields?: Record<string, string>;
  retryAfterSeconds?: number;
}

const errorKindSchema = z.enum([
  'unauthorized', 'forbidden', 'not_found', 'validation', 'rate_limited', 'server',
  'network', 'timeout', 'malformed', 'not_configured', 'bad_input', 'not_allowed',
]);

/** `ErrorInfo` as it crosses a message boundary. */
export const errorInfoSchema = z.object({
  kind: errorKindSchema,
  message: z.string(),
  requestId: z.string().optional(),
  fields: z.record(z.string(), z.string()).optional(),
  retryAfterSeconds: z.number().optional(),
});

export interface FieldError {
  field: string;
  message: string;
}

export interface IncidentIoErrorInit {
  status?: number;
  requestId?: string;
  fieldErrors?: FieldError[];
  retryAfterMs?: number;
  missingRole?: string;
  /** What incident.io (or the failing layer) said; the whole message for `bad_input`/`not_allowed`. */
  detail?: string;
  /** For `network`: where we tried to connect. */
  baseUrl?: string;
  /** For `timeout`: how long we waited. */
  timeoutMs?: number;
  cause?: unknown;
}

/** Every failure the client reports; `message` is already the human text (see `describeError`). */
export class IncidentIoError extends Error {
  override readonly name = 'IncidentIoError';
  readonly kind: ErrorKind;
  readonly status?: number;
  readonly requestId?: string;
  readonly fieldErrors: FieldError[];
  readonly retryAfterMs?: number;
  readonly missingRole?: string;

  constructor(kind: ErrorKind, init: IncidentIoErrorInit = {}) {
    super(describeError(kind, init), init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = kind;
    this.status = init.status;
    this.requestId = init.requestId;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfterMs = init.retryAfterMs;
    this.missingRole = init.missingRole;
  }
}

export function isIncidentIoError(e: unknown): e is IncidentIoError {
  return e instanceof IncidentIoError;
}

const KEY_SETTINGS = 'incident.io (Settings → API keys)';

const MESSAGES: Record<ErrorKind, (init: IncidentIoErrorInit) => string> = {
  unauthorized: () =>
    'Unauthorized: generate a new API key in your incident.io account settings (Settings → API keys). Old keys can be revoked and stop working immediately.',
  forbidden: ({ missingRole, detail }) => {
    if (!missingRole) {
      const said = detail ? ` incident.io said: "${detail}".` : '';
      return `This API key isn't allowed to do that.${said} Create a key with the 'Create incidents' / 'Edit incidents' permission in ${KEY_SETTINGS}.`;
    }
    const label = permissionLabel(missingRole);
    const fix = label
      ? `Create a key with the '${label}' permission in ${KEY_SETTINGS}.`
      : `Create a key with that permission in ${KEY_SETTINGS}.`;
    return `${missingRoleSentence(missingRole)} ${fix}`;
  },
  not_found: () => 'Incident not found: confirm the incident ID is correct. incident.io IDs look like INC-123.',
  validation: ({ fieldErrors, detail, status }) => {
    const reasons = fieldErrors?.length
      ? fieldErrors.map(({ field, message }) => `${withoutFullStop(message)} (${field})`).join('; ')
      : detail && withoutFullStop(detail);
    return reasons
      ? `incident.io couldn't accept this: ${reasons}.`
      : `incident.io rejected the request${status ? ` (HTTP ${status})` : ''}. Check the details and try again.`;
  },
  rate_limited: ({ retryAfterMs }) =>
    retryAfterMs === undefined
      ? 'incident.io is rate-limiting this key; wait a minute and try again.'
      // The client has stopped retrying by the time anyone reads this.
      : `incident.io is rate-limiting this key; try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s.`,
  server: ({ status }) => `incident.io had a problem${status ? ` (HTTP ${status})` : ''}. Try again in a moment.`,
  network: ({ baseUrl }) =>
    `Can't reach incident.io${baseUrl ? ` at ${baseUrl}` : ''}. Check your connection or the API base URL in settings.`,
  timeout: ({ timeoutMs }) =>
    timeoutMs === undefined
      ? 'incident.io took too long to answer. Check your connection or try again in a moment.'
      : `incident.io didn't answer within ${Math.ceil(timeoutMs / 1000)} s. Check your connection or try again in a moment.`,
  malformed: ({ detail }) =>
    `incident.io answered in an unexpected format${detail ? ` (${detail})` : ''}. Try again; if it keeps happening, Incident Copilot may need an update.`,
  not_configured: () => 'Connect an incident.io API key in Settings first.',
  bad_input: ({ detail }) => detail ?? "That input isn't valid. Check it and try again.",
  not_allowed: ({ detail }) => detail ?? "That isn't available here. Use the Incident Copilot side panel.",
};

/** The human text for an error; the request ID is appended so support can trace the call. */
export function describeError(kind: ErrorKind, init: IncidentIoErrorInit = {}): string {
  const message = MESSAGES[kind](init);
  return init.requestId ? `${message} (request ID: ${init.requestId})` : message;
}

function withoutFullStop(text: string): string {
  return text.trim().replace(/\.+$/, '');
}

/**
 * Maps a non-2xx answer to an error. `body` is the parsed JSON (or undefined when it wasn't JSON).
 * `requiredRole` is the role the caller knows the endpoint needs, used when a 403 doesn't name one.
 */
export function errorFromResponse(
  status: number,
  body: unknown,
  headers: Headers,
  now: number,
  context: { requiredRole?: string } = {},
): IncidentIoError {
  const parsed = apiErrorBodySchema.safeParse(body);
  const api: ApiErrorBody = parsed.success ? parsed.data : {};
  const apiErrors = api.errors ?? [];
  const detail = apiErrors.flatMap((e) => (e.message ? [withoutFullStop(e.message)] : [])).join('. ') || undefined;
  const common = { status, requestId: api.request_id ?? headers.get('x-request-id') ?? undefined, detail };

  if (status === 401) return new IncidentIoError('unauthorized', common);
  if (status === 403) {
    const missingRole = roleFromApiErrors(apiErrors) ?? context.requiredRole;
    return new IncidentIoError('forbidden', { ...common, missingRole });
  }
  if (status === 404) return new IncidentIoError('not_found', common);
  if (status === 408) return new IncidentIoError('timeout', common);
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'), now, api.rate_limit?.retry_after);
    return new IncidentIoError('rate_limited', { ...common, retryAfterMs });
  }
  if (status >= 500) return new IncidentIoError('server', common);
  // 400, 422 and the rarer 4xx (409, 413…) all mean "this request can't be accepted as sent".
  const fieldErrors = apiErrors.flatMap((e) =>
    e.source?.field ? [{ field: e.source.field, message: e.message ?? e.code ?? 'is invalid' }] : [],
  );
  return new IncidentIoError('validation', { ...common, fieldErrors });
}

/** A 403's error metadata or message may name the missing role; neither shape is documented. */
function roleFromApiErrors(apiErrors: NonNullable<ApiErrorBody['errors']>): string | undefined {
  for (const e of apiErrors) {
    const fromMetadata = roleFromMetadata(e.metadata);
    if (fromMetadata) return fromMetadata;
    const fromMessage = e.message && findKnownRole(e.message);
    if (fromMessage) return fromMessage;
  }
  return undefined;
}

function roleFromMetadata(metadata: unknown): string | undefined {
  if (!metadata || typeof metadata !== 'object') return undefined;
  for (const [key, value] of Object.entries(metadata)) {
    if (!/role/i.test(key)) continue;
    const candidate = Array.isArray(value) ? value[0] : value;
    if (typeof candidate === 'string' && /^[a-z][a-z0-9_]*$/.test(candidate)) return candidate;
  }
  return findKnownRole(JSON.stringify(metadata));
}

const HTTP_DATE = /^[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} (GMT|UTC)$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * How long to wait before retrying, in ms. incident.io's `Retry-After` has been both delta-seconds
 * and an RFC 1123 date (with "UTC" rather than "GMT"); the body's `rate_limit.retry_after` is
 * RFC 3339. A time in the past means "now" (0). Unparseable → undefined (caller backs off itself).
 */
export function parseRetryAfter(header: string | null, now: number, bodyRetryAfter?: string): number | undefined {
  return parseWait(header, now) ?? parseWait(bodyRetryAfter ?? null, now);
}

function parseWait(value: string | null, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!HTTP_DATE.test(text) && !RFC3339.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Refusals Incident Copilot makes itself (not incident.io's answers): the trust checks of the
 * background (docs/SECURITY.md). Help-desk pages show some of these to the agent in the page.
 */
export const REFUSALS = {
  /** A help-desk tab spent its lookup budget (lib/background/lookup-limit.ts). */
  tooManyLookups: (retryAfterMs: number): ErrorInfo => ({
    kind: 'rate_limited',
    message: `Too many lookups from this page. Wait ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s and try again.`,
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
  }),
  ownTicketOnly: (): ErrorInfo => ({ kind: 'not_allowed', message: 'Help-desk pages can only look up their own ticket.' }),
  /** panel/open from a page with an intent the content script never sends (e.g. a declare draft). */
  pageIntent: (): ErrorInfo => ({ kind: 'not_allowed', message: 'Help-desk pages can only show an incident or link their own ticket.' }),
  keyForNewOrigin: (origin: string): ErrorInfo => ({
    kind: 'bad_input',
    message: `The API base URL now points to ${origin}: enter the API key again to send it there.`,
  }),
  customEndpoint: (host: string): ErrorInfo => ({
    kind: 'bad_input',
    message: `${host} is not incident.io. To send your API key there, confirm it as a custom endpoint.`,
  }),
  keyStorageOpen: (): ErrorInfo => ({
    kind: 'not_allowed',
    message: 'Incident Copilot could not make its key storage private to the extension, so the key was not saved. Update Chrome and try again.',
  }),
} as const;

/**
 * A declaration incident.io is slow to answer (panel/declare-view.tsx). The create carries an
 * idempotency key, so waiting longer or pressing Declare again never makes a second incident.
 */
export const DECLARE_WAIT = {
  slow: 'incident.io is slow to answer. Still waiting; nothing will be declared twice.',
  gaveUp: (waitedMs: number): ErrorInfo => ({
    kind: 'timeout',
    message: `incident.io hasn't answered in ${Math.round(waitedMs / 1000)} s. Your draft is kept: press Declare to try again. Nothing will be declared twice, and if the first try went through you'll see that incident.`,
  }),
} as const;

/** What a help-desk page hears of a failure nobody anticipated: never its raw text (it may name internals). */
const PAGE_UNEXPECTED: ErrorInfo = {
  kind: 'server',
  message: 'Incident Copilot hit an unexpected problem. Try again; if it keeps happening, open the side panel.',
};

/**
 * Any thrown value → what the UI shows. Never "Unknown error": every branch says what to do.
 * `audience: 'helpdesk'` (an untrusted page) gets generic text for anything unexpected.
 */
export function toErrorInfo(err: unknown, audience: 'agent' | 'helpdesk' = 'agent'): ErrorInfo {
  if (audience === 'helpdesk' && !(err instanceof IncidentIoError)) return PAGE_UNEXPECTED;
  if (err instanceof IncidentIoError) {
    return {
      kind: err.kind,
      message: err.message,
      ...(err.requestId ? { requestId: err.requestId } : {}),
      ...(err.fieldErrors.length ? { fields: fieldMap(err.fieldErrors) } : {}),
      ...(err.retryAfterMs === undefined ? {} : { retryAfterSeconds: Math.ceil(err.retryAfterMs / 1000) }),
    };
  }
  // The base class: schemas written with zod/mini throw it too.
  if (err instanceof z.core.$ZodError) {
    const detail = err.issues
      .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
      .join('; ');
    return { kind: 'bad_input', message: describeError('bad_input', { detail: `Invalid input: ${detail}.` }) };
  }
  // Errors that already crossed a message boundary keep their text.
  const info = errorInfoSchema.safeParse(err);
  if (info.success && info.data.message.trim()) return info.data;
  const text = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  return {
    kind: 'server',
    message: `Incident Copilot hit an unexpected problem${text ? `: ${withoutFullStop(text)}` : ''}. Try again; if it keeps happening, reload the extension.`,
  };
}

function fieldMap(fieldErrors: FieldError[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const { field, message } of fieldErrors) {
    fields[field] = fields[field] ? `${fields[field]}; ${message}` : message;
  }
  return fields;
}
