import { describe, expect, it } from 'vitest';
import { API_KEYS, KEY_NAMES, SEED_INCIDENTS } from './seed';
import { startSandbox } from './server';
import { responseErrors, useSandbox } from './test-support';

const { request, admin, url } = useSandbox();

describe('authentication and routing', () => {
  it.each([
    ['no key', null, 'missing_authorization_material'],
    ['an unknown key', 'not-a-key', 'invalid_authorization_material'],
    ['a revoked key', API_KEYS.revoked, 'invalid_authorization_material'],
  ])('answers 401 for %s', async (_label, key, code) => {
    const res = await request('GET', '/v2/incidents', { key });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ type: 'authentication_error', status: 401, errors: [{ code }] });
  });

  it('answers 404 for an unknown path and 405 for a wrong verb', async () => {
    expect((await request('GET', '/v2/incident')).status).toBe(404);
    const put = await request('PUT', `/v2/incidents/${SEED_INCIDENTS.open}`, { body: {} });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET');
  });

  it('sends rate-limit headers and a request id on every answer, errors included', async () => {
    for (const res of [await request('GET', '/v1/identity'), await request('GET', '/v1/identity', { key: null })]) {
      expect(res.headers.get('x-ratelimit-limit')).toMatch(/^1200\b/);
      expect(Number(res.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0);
      expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 - 1);
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9A-Z]{26}$/);
    }
  });
});

describe('CORS for the extension', () => {
  const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

  it('answers a preflight from a chrome-extension origin', async () => {
    const res = await fetch(`${url()}/v2/incidents`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('lets the extension read rate-limit headers, and ignores web origins', async () => {
    const ext = await request('GET', '/v1/identity', { headers: { origin } });
    expect(ext.headers.get('access-control-allow-origin')).toBe(origin);
    expect(ext.headers.get('access-control-expose-headers')).toContain('Retry-After');
    const web = await request('GET', '/v1/identity', { headers: { origin: 'https://evil.example' } });
    expect(web.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After once the bucket is empty', async () => {
    const small = await startSandbox({ rateLimit: { capacity: 2, refillPerSecond: 0.1 } });
    try {
      const call = () => fetch(`${small.url}/v1/identity`, { headers: { authorization: `Bearer ${API_KEYS.full}` } });
      expect((await call()).status).toBe(200);
      expect((await call()).status).toBe(200);
      const limited = await call();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await limited.json()).toMatchObject({ type: 'too_many_requests', rate_limit: { limit: 2, remaining: 0 } });
      // Another key has its own bucket.
      const other = await fetch(`${small.url}/v1/identity`, { headers: { authorization: `Bearer ${API_KEYS.viewer}` } });
      expect(other.status).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe('fault injection', () => {
  it('answers injected statuses in order, each `times` times, then the real answer', async () => {
    await admin('POST', 'faults', { faults: [
      { method: 'GET', path: '^/v2/incidents$', status: 503, times: 2 },
      { path: 'incidents', status: 429, headers: { 'Retry-After': '7' } },
    ] });
    expect((await request('GET', '/v1/identity')).status).toBe(200);
    const first = await request('GET', '/v2/incidents');
    expect(first.status).toBe(503);
    expect(first.body.type).toBe('api_error');
    expect((await request('GET', '/v2/incidents')).status).toBe(503);
    const limited = await request('GET', '/v2/incidents');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await request('GET', '/v2/incidents')).status).toBe(200);
  });

  it('serves non-JSON, schema-breaking and unknown-enum bodies', async () => {
    await admin('POST', 'faults', { faults: [{ kind: 'non_json' }, { kind: 'bad_schema' }, { kind: 'unknown_enums' }] });
    const html = await request('GET', `/v2/incidents/${SEED_INCIDENTS.open}`);
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toBe('text/html');
    const bad = await request('GET', `/v2/incidents/${SEED_INCIDENTS.open}`);
    expect(bad.status).toBe(200);
    expect(responseErrors('GET', '/v2/incidents/{id}', 200, bad.body)).not.toEqual([]);
    const future = await request('GET', `/v2/incidents/${SEED_INCIDENTS.open}`);
    expect(future.body.incident.incident_status.category).toBe('stabilising');
    expect(future.body.incident.visibility).toBe('internal');
    expect(future.body.incident.future_field).toEqual({ added_in: 'v3' });
  });

  it('drops or delays a connection', async () => {
    await admin('POST', 'faults', { faults: [{ kind: 'drop' }, { latencyMs: 150 }] });
    await expect(request('GET', '/v1/identity')).rejects.toThrow();
    const started = Date.now();
    expect((await request('GET', '/v1/identity')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('hangs until the client gives up', async () => {
    await admin('POST', 'faults', { faults: [{ kind: 'hang' }] });
    const res = fetch(`${url()}/v1/identity`, {
      headers: { authorization: `Bearer ${API_KEYS.full}` }, signal: AbortSignal.timeout(200),
    });
    await expect(res).rejects.toThrow(/abort|timeout/i);
  });
});

describe('admin API', () => {
  it('logs API calls (not admin calls) and filters them for counting polls', async () => {
    const since = Date.now();
    await request('GET', '/v2/incidents?status_category[one_of]=live');
    await request('GET', '/v2/incidents?page_size=5');
    await request('GET', '/v1/identity', { key: API_KEYS.viewer });
    await admin('GET', 'health');
    const all = await admin('GET', 'requests');
    expect(all.body.requests).toHaveLength(3);
    expect(all.body.requests[0]).toMatchObject({
      method: 'GET', path: '/v2/incidents', query: 'status_category[one_of]=live', keyName: KEY_NAMES.full, status: 200,
    });
    const lists = await admin('GET', `requests?method=GET&path=/v2/incidents&since=${since}`);
    expect(lists.body.count).toBe(2);
    await admin('DELETE', 'requests');
    expect((await admin('GET', 'requests')).body.count).toBe(0);
  });

  it('declares an incident as a colleague and changes status out of band', async () => {
    const declared = await admin('POST', 'incidents', { name: 'Broken widgets', severity: 'Critical' });
    expect(declared.status).toBe(201);
    const ref = declared.body.incident.reference as string;
    const seen = await request('GET', `/v2/incidents/${ref.replace('INC-', '')}`);
    expect(seen.body.incident).toMatchObject({ name: 'Broken widgets', incident_status: { category: 'live' }, creator: { user: { name: 'Tom Becker' } } });
    // Reopening is app-only for the API, but a colleague in the app can do it.
    const reopened = await admin('POST', `incidents/INC-${SEED_INCIDENTS.closed}/status`, { status: 'Investigating' });
    expect(reopened.body.incident.incident_status.name).toBe('Investigating');
    expect((await admin('POST', 'incidents/INC-1/status', { status: 'Closed' })).status).toBe(404);
    expect((await admin('POST', `incidents/${SEED_INCIDENTS.open}/status`, { status: 'Resolved' })).status).toBe(400);
  });

  it('reset restores the seed, clears faults and the log, and keeps ids stable', async () => {
    const before = (await admin('GET', 'incidents')).body.incidents.map((i: { id: string }) => i.id);
    await request('POST', '/v2/incidents', { body: { idempotency_key: 'r', visibility: 'public', name: 'Temp' } });
    await admin('POST', 'faults', { faults: [{ status: 500, times: 5 }] });
    await admin('POST', 'latency', { ms: 50 });
    await admin('POST', 'reset');
    expect((await admin('GET', 'incidents')).body.incidents.map((i: { id: string }) => i.id)).toEqual(before);
    expect((await admin('GET', 'faults')).body.faults).toEqual([]);
    expect((await admin('GET', 'requests')).body.count).toBe(0);
    expect((await request('GET', '/v1/identity')).status).toBe(200);
  });

  it('rejects malformed admin bodies', async () => {
    expect((await admin('POST', 'faults', { faults: [{ kind: 'explode' }] })).status).toBe(400);
    expect((await admin('GET', 'nope')).status).toBe(404);
  });
});
