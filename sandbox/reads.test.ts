import { describe, expect, it } from 'vitest';
import { API_KEYS, KEY_NAMES, SEED_INCIDENTS } from './seed';
import { responseErrors, useSandbox } from './test-support';

const { request } = useSandbox();

type Incident = { id: string; reference: string; visibility: string; mode: string; incident_status: { id: string; category: string } };

async function allIncidents(query: string, key: string = API_KEYS.full): Promise<Incident[]> {
  const seen: Incident[] = [];
  let after: string | undefined;
  do {
    const res = await request(
      'GET', `/v2/incidents?page_size=4${query}${after ? `&after=${after}` : ''}`, { key },
    );
    expect(res.status).toBe(200);
    expect(responseErrors('GET', '/v2/incidents', 200, res.body)).toEqual([]);
    seen.push(...res.body.incidents);
    after = res.body.pagination_meta.after;
  } while (after);
  return seen;
}

describe('answers match the published response schemas', () => {
  it.each([
    ['/v1/identity', '/v1/identity'],
    ['/v1/incident_statuses', '/v1/incident_statuses'],
    ['/v1/severities', '/v1/severities'],
    ['/v1/incident_types', '/v1/incident_types'],
    ['/v2/incidents', '/v2/incidents'],
    [`/v2/incidents/${SEED_INCIDENTS.open}`, '/v2/incidents/{id}'],
    ['/v2/incident_updates', '/v2/incident_updates'],
    ['/v1/incident_attachments', '/v1/incident_attachments'],
  ])('GET %s', async (path, template) => {
    const res = await request('GET', path);
    expect(res.status).toBe(200);
    expect(responseErrors('GET', template, 200, res.body)).toEqual([]);
  });
});

describe('GET /v1/identity', () => {
  it('names the key and lists its roles', async () => {
    const full = await request('GET', '/v1/identity');
    expect(full.body.identity.name).toBe(KEY_NAMES.full);
    expect(full.body.identity.roles).toEqual(expect.arrayContaining(['viewer', 'incident_creator', 'incident_editor', 'global_access']));
    const viewer = await request('GET', '/v1/identity', { key: API_KEYS.viewer });
    expect(viewer.body.identity.roles).toEqual(['viewer']);
    const creator = await request('GET', '/v1/identity', { key: API_KEYS.creator });
    expect(creator.body.identity.roles).toEqual(['viewer', 'incident_creator']);
  });
});

describe('GET /v1/incident_statuses', () => {
  it('has statuses in every lifecycle category the org uses', async () => {
    const res = await request('GET', '/v1/incident_statuses');
    const categories = new Set(res.body.incident_statuses.map((s: { category: string }) => s.category));
    expect([...categories].sort()).toEqual(['closed', 'declined', 'learning', 'live', 'merged', 'paused', 'triage']);
  });
});

describe('GET /v2/incidents', () => {
  it('pages through every visible incident exactly once, following the after cursor', async () => {
    const seen = await allIncidents('');
    const ids = seen.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const first = await request('GET', '/v2/incidents?page_size=4');
    expect(first.body.pagination_meta).toMatchObject({ page_size: 4, total_record_count: ids.length });
    expect(seen.map((i) => i.reference)).toContain(`INC-${SEED_INCIDENTS.open}`);
  });

  it('excludes test and tutorial incidents unless mode is filtered on', async () => {
    expect((await allIncidents('')).some((i) => i.mode !== 'standard')).toBe(false);
    const tests = await allIncidents('&mode[one_of]=test');
    expect(tests.map((i) => i.reference)).toEqual([`INC-${SEED_INCIDENTS.testMode}`]);
  });

  it('filters on repeated deep-object values (triage OR live)', async () => {
    const open = await allIncidents('&status_category%5Bone_of%5D=triage&status_category%5Bone_of%5D=live');
    expect(open.length).toBeGreaterThan(2);
    expect(new Set(open.map((i) => i.incident_status.category))).toEqual(new Set(['triage', 'live']));
  });

  it('filters severity by rank (gte Major = Major or Critical)', async () => {
    const severities = (await request('GET', '/v1/severities')).body.severities as { id: string; name: string; rank: number }[];
    const major = severities.find((s) => s.name === 'Major');
    const res = await request('GET', `/v2/incidents?page_size=250&severity[gte]=${major?.id}`);
    const ranks = res.body.incidents.map((i: { severity?: { rank: number } }) => i.severity?.rank);
    expect(ranks.length).toBeGreaterThan(0);
    expect(ranks.every((r: number) => r >= (major?.rank ?? 0))).toBe(true);
  });

  it('sorts newest first by default and oldest first on request', async () => {
    const newest = (await request('GET', '/v2/incidents?page_size=250')).body.incidents as { created_at: string }[];
    const oldest = (await request('GET', '/v2/incidents?page_size=250&sort_by=created_at_oldest_first')).body.incidents as { created_at: string }[];
    expect(newest.map((i) => i.created_at)).toEqual(oldest.map((i) => i.created_at).reverse());
    expect(newest[0]?.created_at.localeCompare(newest[1]?.created_at ?? '')).toBe(1);
  });

  it('shows private incidents only to keys with global_access', async () => {
    const full = await allIncidents('');
    const viewer = await allIncidents('', API_KEYS.viewer);
    expect(full.some((i) => i.reference === `INC-${SEED_INCIDENTS.privateOpen}`)).toBe(true);
    expect(viewer.some((i) => i.visibility === 'private')).toBe(false);
    expect(viewer.length).toBeLessThan(full.length);
  });

  it.each([
    ['page_size above the documented 250', 'page_size=300', 'page_size'],
    ['an unknown deep-object operator', 'status_category[any]=live', 'status_category'],
    ['the "active" category from the docs example', 'status_category[one_of]=active', 'status_category[one_of]'],
    ['an unknown sort order', 'sort_by=name', 'sort_by'],
    ['a non-numeric page_size', 'page_size=ten', 'page_size'],
    ['an unknown severity id', 'severity[gte]=01ZZZZZZZZZZZZZZZZZZZZZZZZ', 'severity[gte]'],
    ['a cursor that is not an incident id', 'after=nope', 'after'],
  ])('answers 422 for %s', async (_label, query, field) => {
    const res = await request('GET', `/v2/incidents?${query}`);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ type: 'validation_error', status: 422, errors: [{ source: { field } }] });
    expect(res.body.request_id).toMatch(/^[0-9A-Z]{26}$/);
  });
});

describe('GET /v2/incidents/{id}', () => {
  it('finds an incident by reference number or by ULID', async () => {
    const byNumber = await request('GET', `/v2/incidents/${SEED_INCIDENTS.open}`);
    expect(byNumber.body.incident.reference).toBe(`INC-${SEED_INCIDENTS.open}`);
    expect(byNumber.body.incident.permalink).toBe(`https://app.incident.io/acme/incidents/${SEED_INCIDENTS.open}`);
    const byId = await request('GET', `/v2/incidents/${byNumber.body.incident.id}`);
    expect(byId.body.incident.id).toBe(byNumber.body.incident.id);
  });

  it.each([['INC-123'], ['99999'], ['not-an-id']])('answers 404 for %s', async (id) => {
    const res = await request('GET', `/v2/incidents/${id}`);
    expect(res.status).toBe(404);
    expect(res.body.type).toBe('not_found');
  });

  it('hides a private incident from a key without global_access', async () => {
    expect((await request('GET', `/v2/incidents/${SEED_INCIDENTS.privateOpen}`)).status).toBe(200);
    expect((await request('GET', `/v2/incidents/${SEED_INCIDENTS.privateOpen}`, { key: API_KEYS.viewer })).status).toBe(404);
  });
});

describe('GET /v2/incident_updates', () => {
  it('lists an incident\'s timeline by ULID, and nothing for a reference number', async () => {
    const incident = (await request('GET', `/v2/incidents/${SEED_INCIDENTS.open}`)).body.incident;
    const updates = await request('GET', `/v2/incident_updates?incident_id=${incident.id}`);
    expect(updates.body.incident_updates.length).toBeGreaterThanOrEqual(2);
    expect(updates.body.incident_updates.every((u: { incident_id: string }) => u.incident_id === incident.id)).toBe(true);
    const byNumber = await request('GET', `/v2/incident_updates?incident_id=${SEED_INCIDENTS.open}`);
    expect(byNumber.body.incident_updates).toEqual([]);
  });
});
