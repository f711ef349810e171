import { describe, expect, it } from 'vitest';
import { SECOND_WORKSPACE } from './second-org';
import { KEY_NAMES } from './seed';
import { responseErrors, useSandbox } from './test-support';

const { request } = useSandbox();

describe('the second workspace (another organisation, picked by its key)', () => {
  it('has its own identity and its own open incidents, each answer to the published schema', async () => {
    const identity = await request('GET', '/v1/identity', { key: SECOND_WORKSPACE.key });
    expect(identity.status).toBe(200);
    expect(responseErrors('GET', '/v1/identity', 200, identity.body)).toEqual([]);
    expect(identity.body.identity.name).toBe(SECOND_WORKSPACE.name);
    expect(identity.body.identity.dashboard_url).toContain(SECOND_WORKSPACE.slug);

    const query = '/v2/incidents?page_size=25&status_category[one_of]=triage&status_category[one_of]=live&status_category[one_of]=paused';
    const second = await request('GET', query, { key: SECOND_WORKSPACE.key });
    expect(responseErrors('GET', '/v2/incidents', 200, second.body)).toEqual([]);
    expect(second.body.incidents.map((i: { name: string }) => i.name).sort()).toEqual([...SECOND_WORKSPACE.openIncidents].sort());

    const first = await request('GET', query);
    expect(first.body.incidents.map((i: { name: string }) => i.name)).not.toContain(SECOND_WORKSPACE.openIncidents[0]);
    expect((await request('GET', '/v1/identity')).body.identity.name).toBe(KEY_NAMES.full);
  });

  it('keeps its writes to itself', async () => {
    const list = await request('GET', '/v2/incidents?page_size=25', { key: SECOND_WORKSPACE.key });
    const created = await request('POST', '/v2/incidents', {
      key: SECOND_WORKSPACE.key,
      body: { idempotency_key: 'globex-1', name: 'Globex only', visibility: 'public' },
    });
    expect(created.status).toBe(200);
    expect(responseErrors('POST', '/v2/incidents', 200, created.body)).toEqual([]);
    const after = await request('GET', '/v2/incidents?page_size=50', { key: SECOND_WORKSPACE.key });
    expect(after.body.incidents).toHaveLength(list.body.incidents.length + 1);
    const acme = await request('GET', '/v2/incidents?page_size=50');
    expect(acme.body.incidents.map((i: { name: string }) => i.name)).not.toContain('Globex only');
  });
});
