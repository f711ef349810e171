import { describe, expect, it } from 'vitest';
import { useSandbox } from './test-support';

const { request, admin } = useSandbox();

const openCount = async () => {
  let count = 0;
  let after: string | undefined;
  do {
    const res = await request('GET', `/v2/incidents?page_size=250&status_category[one_of]=live${after ? `&after=${after}` : ''}`);
    count += res.body.incidents.length;
    after = res.body.pagination_meta.after;
  } while (after);
  return count;
};

describe('POST /_sandbox/incidents/bulk', () => {
  it('declares many open incidents at once, numbered after the seed, visible through the paginated API', async () => {
    const before = await openCount();
    const res = await admin('POST', 'incidents/bulk', { count: 600, name: 'Load', severity: 'Major' });
    expect(res.status).toBe(201);
    expect(res.body.count).toBe(600);
    expect(res.body.references.slice(0, 2)).toEqual(['INC-138', 'INC-139']);
    expect(await openCount()).toBe(before + 600);
    const incident = (await request('GET', '/v2/incidents/737')).body.incident;
    expect(incident).toMatchObject({ name: 'Load 600', severity: { name: 'Major' }, incident_status: { name: 'Investigating' } });
  });

  it('rejects a count outside 1–5000 and unknown names without declaring anything', async () => {
    const total = async () => (await admin('GET', 'incidents')).body.incidents.length;
    const before = await total();
    expect((await admin('POST', 'incidents/bulk', { count: 0 })).status).toBe(400);
    expect((await admin('POST', 'incidents/bulk', { count: 5001 })).status).toBe(400);
    const unknown = await admin('POST', 'incidents/bulk', { count: 3, status: 'Exploded' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toContain('Unknown status "Exploded"');
    expect(await total()).toBe(before);
  });
});
