import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type ErrorKind, errorFromResponse, IncidentIoError, isIncidentIoError, parseRetryAfter, toErrorInfo,
} from './errors';

const NOW = Date.parse('2025-04-17T11:17:00Z');
const noHeaders = new Headers();

describe('errorFromResponse', () => {
  it.each([
    [401, 'unauthorized'], [403, 'forbidden'], [404, 'not_found'], [400, 'validation'], [422, 'validation'],
    [429, 'rate_limited'], [500, 'server'], [503, 'server'],
  ] as const)('maps HTTP %i to %s', (status, kind) => {
    const error = errorFromResponse(status, { status, request_id: 'req-1', errors: [] }, noHeaders, NOW);
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.requestId).toBe('req-1');
  });

  it('still maps by status when the body is not incident.io JSON', () => {
    expect(errorFromResponse(502, undefined, noHeaders, NOW).kind).toBe('server');
    expect(errorFromResponse(404, 'Not Found', noHeaders, NOW).kind).toBe('not_found');
  });

  it('collects 422 field errors from errors[].source.field', () => {
    const error = errorFromResponse(422, {
      type: 'validation_error',
      errors: [
        { code: 'is_required', message: 'Severity is required', source: { field: 'severity_id' } },
        { code: 'invalid', message: 'Name is too long', source: { field: 'name' } },
        { code: 'other', message: 'Something about the whole request' },
      ],
    }, noHeaders, NOW);
    expect(error.fieldErrors).toEqual([
      { field: 'severity_id', message: 'Severity is required' },
      { field: 'name', message: 'Name is too long' },
    ]);
  });

  it('finds the missing role in a 403 message or its metadata', () => {
    const fromMessage = errorFromResponse(403, {
      errors: [{ code: 'forbidden', message: 'This API key requires the incident_editor role' }],
    }, noHeaders, NOW, { requiredRole: 'incident_creator' });
    expect(fromMessage.missingRole).toBe('incident_editor');
    const fromMetadata = errorFromResponse(403, {
      errors: [{ code: 'forbidden', message: 'Forbidden', metadata: { required_roles: ['global_access'] } }],
    }, noHeaders, NOW);
    expect(fromMetadata.missingRole).toBe('global_access');
    const unknown = errorFromResponse(403, { errors: [{ message: 'Forbidden' }] }, noHeaders, NOW);
    expect(unknown.missingRole).toBeUndefined();
  });

  it('reads the wait from Retry-After, else from the body', () => {
    const fromHeader = errorFromResponse(429, {}, new Headers({ 'Retry-After': '7' }), NOW);
    expect(fromHeader.retryAfterMs).toBe(7000);
    const fromBody = errorFromResponse(429, { rate_limit: { retry_after: '2025-04-17T11:17:20Z' } }, noHeaders, NOW);
    expect(fromBody.retryAfterMs).toBe(20_000);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['5', 5000],
    ['0', 0],
    ['1.5', 1500],
    ['Thu, 17 Apr 2025 11:17:18 UTC', 18_000],
    ['Thu, 17 Apr 2025 11:17:30 GMT', 30_000],
    ['Thu, 17 Apr 2025 11:16:00 GMT', 0],
  ])('reads %j as %i ms', (header, ms) => {
    expect(parseRetryAfter(header, NOW)).toBe(ms);
  });

  it.each([null, '', 'soon', '-3', '5 2', 'Thursday'])('ignores %j', (header) => {
    expect(parseRetryAfter(header, NOW)).toBeUndefined();
  });

  it('falls back to the body’s RFC 3339 time, preferring the header', () => {
    expect(parseRetryAfter(null, NOW, '2025-04-17T11:17:10.000Z')).toBe(10_000);
    expect(parseRetryAfter('garbage', NOW, '2025-04-17T12:17:10+01:00')).toBe(10_000);
    expect(parseRetryAfter('3', NOW, '2025-04-17T11:17:10Z')).toBe(3000);
  });
});

const ALL_KINDS: ErrorKind[] = [
  'unauthorized', 'forbidden', 'not_found', 'validation', 'rate_limited', 'server',
  'network', 'timeout', 'malformed', 'not_configured', 'bad_input', 'not_allowed',
];

describe('toErrorInfo', () => {
  it.each(ALL_KINDS)('gives %s an actionable message that carries the request ID', (kind) => {
    const bare = toErrorInfo(new IncidentIoError(kind));
    expect(bare.kind).toBe(kind);
    expect(bare.message.length).toBeGreaterThan(20);
    expect(bare.message).not.toMatch(/unknown error|undefined|null|NaN/i);
    const traced = toErrorInfo(new IncidentIoError(kind, { requestId: 'req-abc' }));
    expect(traced.requestId).toBe('req-abc');
    expect(traced.message).toContain('req-abc');
  });

  it('uses the seed texts', () => {
    expect(toErrorInfo(new IncidentIoError('unauthorized')).message).toBe(
      'Unauthorized: generate a new API key in your incident.io account settings (Settings → API keys). Old keys can be revoked and stop working immediately.',
    );
    expect(toErrorInfo(new IncidentIoError('not_found')).message).toBe(
      'Incident not found: confirm the incident ID is correct. incident.io IDs look like INC-123.',
    );
    expect(toErrorInfo(new IncidentIoError('not_configured')).message).toBe('Connect an incident.io API key in Settings first.');
  });

  it('says which permission a forbidden key lacks', () => {
    const info = toErrorInfo(new IncidentIoError('forbidden', { missingRole: 'incident_editor' }));
    expect(info.message).toContain('incident_editor');
    expect(info.message).toContain("Create a key with the 'Edit incidents' permission");
    expect(toErrorInfo(new IncidentIoError('forbidden')).message).toContain("'Create incidents' / 'Edit incidents'");
  });

  it('tells how long a rate limit lasts', () => {
    const info = toErrorInfo(new IncidentIoError('rate_limited', { retryAfterMs: 12_300 }));
    expect(info.message).toBe('incident.io is rate-limiting this key; try again in 13 s.');
    expect(info.retryAfterSeconds).toBe(13);
  });

  it('mentions the timeout and the base URL', () => {
    expect(toErrorInfo(new IncidentIoError('timeout', { timeoutMs: 15_000 })).message).toContain('15 s');
    expect(toErrorInfo(new IncidentIoError('network', { baseUrl: 'http://127.0.0.1:8787' })).message).toContain(
      "Can't reach incident.io at http://127.0.0.1:8787.",
    );
  });

  it("shows the API's validation messages and maps fields", () => {
    const info = toErrorInfo(errorFromResponse(422, {
      request_id: 'req-9',
      errors: [
        { message: 'Severity is required.', source: { field: 'severity_id' } },
        { message: 'Must be set', source: { field: 'severity_id' } },
      ],
    }, noHeaders, NOW));
    expect(info.fields).toEqual({ severity_id: 'Severity is required.; Must be set' });
    expect(info.message).toBe(
      "incident.io couldn't accept this: Severity is required (severity_id); Must be set (severity_id). (request ID: req-9)",
    );
  });

  it('keeps bad_input texts as given', () => {
    const message = 'Cannot update status: valid statuses are triage, active, monitoring and resolved.';
    expect(toErrorInfo(new IncidentIoError('bad_input', { detail: message })).message).toBe(message);
  });

  it.each([
    ['an Error', new Error('boom')],
    ['a string', 'boom'],
    ['undefined', undefined],
    ['an empty object', {}],
  ])('describes %s without "Unknown error"', (_name, thrown) => {
    const info = toErrorInfo(thrown);
    expect(info.message).not.toMatch(/unknown error/i);
    expect(info.message).toContain('Try again');
  });

  it('turns zod errors into bad_input naming the field', () => {
    const result = z.object({ name: z.string() }).safeParse({ name: 3 });
    const info = toErrorInfo(result.error);
    expect(info.kind).toBe('bad_input');
    expect(info.message).toContain('name');
  });

  it('passes an ErrorInfo through unchanged', () => {
    const info = { kind: 'not_allowed' as const, message: 'Help-desk pages can only look up their own ticket.' };
    expect(toErrorInfo(info)).toEqual(info);
  });
});

it('isIncidentIoError recognises only client errors', () => {
  expect(isIncidentIoError(new IncidentIoError('server'))).toBe(true);
  expect(isIncidentIoError(new Error('x'))).toBe(false);
});
