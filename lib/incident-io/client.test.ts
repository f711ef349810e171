import { describe, expect, it } from 'vitest';
import { createIncidentIoClient, type IncidentIoClientOptions } from './client';
import { IncidentIoError } from './errors';

const BASE_URL = 'https://api.incident.io';

const status = (category = 'live') => ({ id: `st-${category}`, name: 'Investigating', category, rank: 1 });

const incident = (n: number, overrides: Record<string, unknown> = {}) => ({
  id: `01HULID${n}`,
  reference: `INC-${n}`,
  name: `Incident ${n}`,
  visibility: 'public',
  mode: 'standard',
  slack_channel_id: '',
  created_at: '2025-04-17T11:00:00Z',
  updated_at: '2025-04-17T11:00:00Z',
  incident_status: status(),
  incident_role_assignments: [],
  creator: { api_key: { id: 'k1', name: 'Copilot' } },
  ...overrides,
});

const update = (id: string, createdAt: string) => ({
  id,
  incident_id: '01HULID1',
  created_at: createdAt,
  new_incident_status: status(),
  updater: { user: { id: 'u1', name: 'Ada' } },
});

type Reply = Response | Error | 'hang';
interface Call {
  url: string;
  init: RequestInit;
}

const json = (body: unknown, init: { status?: number; headers?: Record<string, string> } = {}) =>
  new Response(JSON.stringify(body), { status: init.status ?? 200, headers: init.headers });

/** A fetch that answers from a script, records every call, and honours aborts like the real one. */
function scriptedFetch(replies: Reply[]) {
  const calls: Call[] = [];
  const fetchImpl = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    calls.push({ url: String(input), init });
    const reply = replies.shift();
    if (!reply) throw new Error(`unexpected call ${String(input)}`);
    if (reply === 'hang') {
      return new Promise((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    return reply instanceof Error ? Promise.reject(reply) : Promise.resolve(reply);
  };
  return { calls, fetch: fetchImpl as typeof fetch };
}

function setup(replies: Reply[], options: Partial<IncidentIoClientOptions> = {}) {
  const { calls, fetch } = scriptedFetch(replies);
  const sleeps: number[] = [];
  const client = createIncidentIoClient({
    baseUrl: BASE_URL,
    apiKey: 'secret-key',
    fetch,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    now: () => Date.parse('2025-04-17T11:17:00Z'),
    ...options,
  });
  return { client, calls, sleeps };
}

async function failure(promise: Promise<unknown>): Promise<IncidentIoError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(IncidentIoError);
  return error as IncidentIoError;
}

const header = (call: Call | undefined, name: string) => new Headers(call?.init.headers).get(name);

describe('requests', () => {
  it('lists open incidents with repeated deep-object filters and a clamped page size', async () => {
    const { client, calls } = setup([json({ incidents: [incident(1)], pagination_meta: { page_size: 250 } })]);
    const page = await client.listIncidents({
      statusCategories: ['triage', 'live'], pageSize: 1000, sortBy: 'created_at_newest_first',
    });
    expect(page.incidents.map((i) => i.reference)).toEqual(['INC-1']);
    const url = new URL(calls[0]!.url);
    expect(url.origin + url.pathname).toBe('https://api.incident.io/v2/incidents');
    expect(url.search).toBe(
      '?status_category%5Bone_of%5D=triage&status_category%5Bone_of%5D=live&page_size=250&sort_by=created_at_newest_first',
    );
  });

  it('authenticates with a bearer token and asks for JSON; only POSTs declare a JSON body', async () => {
    const { client, calls } = setup([
      json({ identity: { name: 'Copilot', dashboard_url: 'https://app.incident.io/acme', roles: ['viewer'] } }),
      json({ incident: incident(7) }),
    ]);
    await client.identity();
    await client.createIncident({ idempotency_key: 'k-1', visibility: 'public', name: 'DB down' });
    for (const call of calls) {
      expect(header(call, 'authorization')).toBe('Bearer secret-key');
      expect(header(call, 'accept')).toBe('application/json');
    }
    expect(calls[0]!.init.method).toBe('GET');
    expect(header(calls[0], 'content-type')).toBeNull();
    expect(calls[1]!.init.method).toBe('POST');
    expect(header(calls[1], 'content-type')).toBe('application/json');
    expect(JSON.parse(String(calls[1]!.init.body))).toEqual({ idempotency_key: 'k-1', visibility: 'public', name: 'DB down' });
  });

  it('joins paths onto a base URL given with a trailing slash and escapes path IDs', async () => {
    const { client, calls } = setup([json({ incident: incident(123) })], { baseUrl: 'http://127.0.0.1:8787/' });
    await client.getIncident('12/3');
    expect(calls[0]!.url).toBe('http://127.0.0.1:8787/v2/incidents/12%2F3');
  });

  it('edits by POST to actions/edit and returns the updated incident', async () => {
    const { client, calls } = setup([json({ incident: incident(1, { incident_status: status('closed') }) })]);
    const updated = await client.editIncident('01HULID1', {
      incident: { incident_status_id: 'st-closed' }, notify_incident_channel: true,
    });
    expect(updated.incident_status.category).toBe('closed');
    expect(calls[0]!.url).toBe(`${BASE_URL}/v2/incidents/01HULID1/actions/edit`);
    expect(calls[0]!.init.method).toBe('POST');
  });

  it('lists, creates and deletes attachments', async () => {
    const attachment = {
      id: 'att-1', incident_id: '01HULID1',
      resource: { external_id: '4521', permalink: 'https://desk/4521', title: 'Ticket 4521', resource_type: 'zendesk_ticket' },
    };
    const { client, calls } = setup([
      json({ incident_attachments: [attachment] }),
      json({ incident_attachment: attachment }, { status: 201 }),
      new Response(null, { status: 204 }),
    ]);
    expect(await client.listAttachments({ externalId: '4521', resourceType: 'zendesk_ticket' })).toEqual([attachment]);
    expect(new URL(calls[0]!.url).search).toBe('?external_id=4521&resource_type=zendesk_ticket');
    await client.createAttachment({ incident_id: '01HULID1', resource: { external_id: '4521', resource_type: 'zendesk_ticket' } });
    await expect(client.deleteAttachment('att-1')).resolves.toBeUndefined();
    expect(calls[2]!.init.method).toBe('DELETE');
    expect(calls[2]!.url).toBe(`${BASE_URL}/v1/incident_attachments/att-1`);
  });

  it('reports rate-limit headers', async () => {
    const seen: unknown[] = [];
    const { client } = setup(
      [json({ severities: [] }, {
        headers: { 'X-RateLimit-Limit': '60, 1200;window=60', 'X-RateLimit-Remaining': '59', 'X-RateLimit-Reset': '1744888700' },
      })],
      { onRateLimitInfo: (info) => seen.push(info) },
    );
    await client.listSeverities();
    expect(seen).toEqual([{ limit: 60, remaining: 59, resetAt: 1744888700_000 }]);
  });
});

describe('pagination', () => {
  it('follows pagination_meta.after until it is absent', async () => {
    const { client, calls } = setup([
      json({ incidents: [incident(1), incident(2)], pagination_meta: { page_size: 2, after: 'c1' } }),
      json({ incidents: [incident(3)], pagination_meta: { page_size: 2 } }),
    ]);
    const all = await client.listAllIncidents({ statusCategories: ['live'], pageSize: 2 });
    expect(all.map((i) => i.reference)).toEqual(['INC-1', 'INC-2', 'INC-3']);
    expect(new URL(calls[0]!.url).searchParams.get('after')).toBeNull();
    expect(new URL(calls[1]!.url).searchParams.get('after')).toBe('c1');
    expect(new URL(calls[1]!.url).searchParams.getAll('status_category[one_of]')).toEqual(['live']);
  });

  it('stops at maxPages', async () => {
    const { client, calls } = setup([
      json({ incidents: [incident(1)], pagination_meta: { page_size: 1, after: 'c1' } }),
      json({ incidents: [incident(2)], pagination_meta: { page_size: 1, after: 'c2' } }),
    ]);
    expect(await client.listAllIncidents({ maxPages: 2 })).toHaveLength(2);
    expect(calls).toHaveLength(2);
    expect(new URL(calls[0]!.url).searchParams.get('page_size')).toBe('250');
  });

  it('returns every incident update, oldest first', async () => {
    const { client, calls } = setup([
      json({ incident_updates: [update('u3', '2025-04-17T12:00:00Z'), update('u1', '2025-04-17T10:00:00Z')], pagination_meta: { page_size: 2, after: 'p2' } }),
      json({ incident_updates: [update('u2', '2025-04-17T11:00:00+00:00')], pagination_meta: { page_size: 2 } }),
    ]);
    const updates = await client.listIncidentUpdates('01HULID1');
    expect(updates.map((u) => u.id)).toEqual(['u1', 'u2', 'u3']);
    expect(new URL(calls[0]!.url).searchParams.get('incident_id')).toBe('01HULID1');
    expect(new URL(calls[1]!.url).searchParams.get('after')).toBe('p2');
  });
});

describe('parsing', () => {
  it('accepts enum values it has never seen', async () => {
    const { client } = setup([
      json({ incident_statuses: [{ id: 's1', name: 'Snoozed', category: 'brand_new_category', rank: 3 }] }),
      json({ identity: { name: 'k', dashboard_url: 'https://app.incident.io/acme', roles: ['viewer', 'role_from_2030'] } }),
    ]);
    expect((await client.listStatuses())[0]!.category).toBe('brand_new_category');
    expect((await client.identity()).roles).toContain('role_from_2030');
  });

  it('reports a response missing a required field as malformed, naming the field', async () => {
    const { reference: _dropped, ...withoutReference } = incident(1);
    const { client, calls } = setup([json({ incident: withoutReference })]);
    const error = await failure(client.getIncident('1'));
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('unexpected format');
    expect(error.message).toContain('incident.reference');
    expect(calls).toHaveLength(1);
  });

  it('reports a non-JSON success as malformed', async () => {
    const { client } = setup([new Response('<html>proxy login</html>', { status: 200 })]);
    expect((await failure(client.listIncidentTypes())).kind).toBe('malformed');
  });
});

describe('failures and retries', () => {
  it('retries a GET after 5xx answers with growing backoff, then succeeds', async () => {
    const { client, calls, sleeps } = setup([
      json({}, { status: 503 }), json({}, { status: 502 }), json({ severities: [{ id: 'sev1', name: 'Major', rank: 2 }] }),
    ]);
    expect(await client.listSeverities()).toHaveLength(1);
    expect(calls).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]!).toBeGreaterThan(sleeps[0]!);
  });

  it('gives up on a GET after three attempts', async () => {
    const { client, calls } = setup([json({}, { status: 503 }), json({}, { status: 503 }), json({}, { status: 503 })]);
    const error = await failure(client.listStatuses());
    expect(error.kind).toBe('server');
    expect(error.message).toBe('incident.io had a problem (HTTP 503). Try again in a moment.');
    expect(calls).toHaveLength(3);
  });

  it("waits a 429's Retry-After before retrying", async () => {
    const { client, sleeps } = setup([
      json({ type: 'too_many_requests', status: 429, errors: [] }, { status: 429, headers: { 'Retry-After': '2' } }),
      json({ incident_types: [] }),
    ]);
    await client.listIncidentTypes();
    expect(sleeps).toEqual([2000]);
  });

  it('fails fast when Retry-After is longer than the cap', async () => {
    const { client, calls, sleeps } = setup([json({}, { status: 429, headers: { 'Retry-After': '120' } })]);
    const error = await failure(client.listIncidentTypes());
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(120_000);
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('retries a create with the identical body and idempotency key, creating one incident', async () => {
    const { client, calls } = setup([
      new TypeError('Failed to fetch'), json({}, { status: 500 }), json({ incident: incident(9) }),
    ]);
    const created = await client.createIncident({ idempotency_key: 'draft-42', visibility: 'private', name: 'Checkout errors' });
    expect(created.reference).toBe('INC-9');
    expect(calls).toHaveLength(3);
    const bodies = calls.map((c) => c.init.body);
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(String(bodies[0])).idempotency_key).toBe('draft-42');
  });

  it('does not retry an edit on a 500 (it may have been applied)', async () => {
    const { client, calls } = setup([json({ request_id: 'req-500' }, { status: 500 })]);
    const error = await failure(client.editIncident('01HULID1', { incident: { name: 'x' }, notify_incident_channel: false }));
    expect(error.kind).toBe('server');
    expect(error.requestId).toBe('req-500');
    expect(calls).toHaveLength(1);
  });

  it('retries an edit on a 429', async () => {
    const { client, calls } = setup([
      json({}, { status: 429, headers: { 'Retry-After': '1' } }), json({ incident: incident(1) }),
    ]);
    await client.editIncident('01HULID1', { incident: { name: 'x' }, notify_incident_channel: false });
    expect(calls).toHaveLength(2);
  });

  it('does not retry attachment changes on network errors', async () => {
    const { client, calls } = setup([new TypeError('Failed to fetch')]);
    expect((await failure(client.deleteAttachment('att-1'))).kind).toBe('network');
    expect(calls).toHaveLength(1);
  });

  it.each([400, 401, 403, 404, 422])('does not retry a %i', async (code) => {
    const { client, calls } = setup([json({ errors: [] }, { status: code })]);
    await failure(client.listStatuses());
    expect(calls).toHaveLength(1);
  });

  it('times out a request that never answers', async () => {
    const { client, calls } = setup(['hang', 'hang', 'hang'], { timeoutMs: 5 });
    const error = await failure(client.getIncident('123'));
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('within 1 s');
    expect(calls).toHaveLength(3);
  });

  it('reports a network failure with the base URL', async () => {
    const { client, calls } = setup([new TypeError('Failed to fetch'), new TypeError('x'), new TypeError('x')]);
    const error = await failure(client.identity());
    expect(error.kind).toBe('network');
    expect(error.message).toBe(
      "Can't reach incident.io at https://api.incident.io. Check your connection or the API base URL in settings.",
    );
    expect(calls).toHaveLength(3);
  });

  it('names the role a create needs when a 403 does not', async () => {
    const { client } = setup([json({ type: 'resource_forbidden', errors: [{ code: 'forbidden', message: 'Forbidden' }] }, { status: 403 })]);
    const error = await failure(client.createIncident({ idempotency_key: 'k', visibility: 'public' }));
    expect(error.kind).toBe('forbidden');
    expect(error.missingRole).toBe('incident_creator');
    expect(error.message).toContain("'Create incidents' permission");
  });

  it('maps 422 field errors', async () => {
    const { client } = setup([json({
      type: 'validation_error', status: 422, request_id: 'req-422',
      errors: [{ code: 'is_required', message: 'Severity is required to open a live incident', source: { field: 'severity_id' } }],
    }, { status: 422 })]);
    const error = await failure(client.createIncident({ idempotency_key: 'k', visibility: 'public' }));
    expect(error.kind).toBe('validation');
    expect(error.fieldErrors).toEqual([{ field: 'severity_id', message: 'Severity is required to open a live incident' }]);
  });
});
