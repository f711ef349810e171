import { describe, expect, it } from 'vitest';
import { searchCatalog } from './catalog-search';
import { createIncidentIoClient } from './client';
import { IncidentIoError } from './errors';

type Reply = Response | Error;
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });

function setup(replies: Reply[]) {
  const calls: { url: URL; init: RequestInit }[] = [];
  const fetchImpl = (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: new URL(String(input)), init });
    const reply = replies.shift();
    if (!reply) throw new Error(`unexpected call ${String(input)}`);
    return reply instanceof Error ? Promise.reject(reply) : Promise.resolve(reply);
  };
  const client = createIncidentIoClient({
    baseUrl: 'https://api.incident.io', apiKey: 'k', fetch: fetchImpl as typeof fetch, sleep: async () => {}, random: () => 0.5,
  });
  return { client, calls };
}

const entry = (n: number, extra: Record<string, unknown> = {}) => ({ id: `E${n}`, catalog_type_id: 'T', name: `Customer ${n}`, aliases: [`c${n}.com`], ...extra });
const entriesPage = (entries: unknown[], after?: string) => json({ catalog_entries: entries, pagination_meta: { page_size: 250, ...(after ? { after } : {}) } });
const escalation = { id: 'ESC1', title: 'Checkout down', status: 'triggered', created_at: '2026-12-04T10:00:00Z', related_incidents: [{ id: 'I1' }] };
const spUpdate = { id: 'U1', status_page_incident_id: 'S1', published_at: '2026-12-04T10:00:00Z', message: 'Fixed', incident_status: 'resolved' };

describe('paged reads', () => {
  it('follows pagination_meta.after for custom field options and stops at the end', async () => {
    const option = (n: number) => ({ id: `O${n}`, custom_field_id: 'F', value: `v${n}`, sort_key: n });
    const { client, calls } = setup([
      json({ custom_field_options: [option(1), option(2)], pagination_meta: { page_size: 250, after: 'O2' } }),
      json({ custom_field_options: [option(3)], pagination_meta: { page_size: 250 } }),
    ]);
    expect((await client.listCustomFieldOptions('F')).map((o) => o.id)).toEqual(['O1', 'O2', 'O3']);
    expect(calls.map((c) => c.url.searchParams.get('after'))).toEqual([null, 'O2']);
    expect(calls[0]?.url.searchParams.get('custom_field_id')).toBe('F');
  });

  it('always sends page_size to /v3/catalog_entries (required there) and the identifier when given', async () => {
    const { client, calls } = setup([entriesPage([entry(1)], 'E1')]);
    const page = await client.listCatalogEntries({ catalogTypeId: 'T', identifier: 'acme.com' });
    expect(page).toEqual({ entries: [expect.objectContaining({ id: 'E1' })], after: 'E1' });
    expect(calls[0]?.url.pathname).toBe('/v3/catalog_entries');
    expect(Object.fromEntries(calls[0]?.url.searchParams ?? [])).toEqual({ catalog_type_id: 'T', page_size: '25', identifier: 'acme.com' });
  });

  it('asks escalations per incident with the deep-object filter and at most 50 a page', async () => {
    const { client, calls } = setup([json({ escalations: [escalation], pagination_meta: { page_size: 50 } })]);
    expect(await client.listEscalations('I1')).toEqual([escalation]);
    expect(calls[0]?.url.searchParams.getAll('incident[one_of]')).toEqual(['I1']);
    expect(calls[0]?.url.searchParams.get('page_size')).toBe('50');
  });

  it('pages schedule entries by sending the cursor back as entry_window_start, the end unchanged, and keeps final entries', async () => {
    const shift = (name: string) => ({ start_at: '2026-12-04T09:00:00Z', end_at: '2026-12-05T09:00:00Z', user: { id: name, name } });
    const { client, calls } = setup([
      json({ schedule_entries: { scheduled: [shift('Tom')], overrides: [], final: [shift('Grace')] }, pagination_meta: { after: 'CURSOR', after_url: 'x' } }),
      json({ schedule_entries: { scheduled: [], overrides: [], final: [shift('Sam')] } }),
    ]);
    const from = new Date('2026-12-04T10:00:00Z');
    const to = new Date('2026-12-04T10:01:00Z');
    const entries = await client.listScheduleEntries('SCH', from, to);
    expect(entries.map((e) => e.user?.name)).toEqual(['Grace', 'Sam']);
    expect(calls.map((c) => c.url.searchParams.get('entry_window_start'))).toEqual([from.toISOString(), 'CURSOR']);
    expect(calls.map((c) => c.url.searchParams.get('entry_window_end'))).toEqual([to.toISOString(), to.toISOString()]);
  });

  it('rejects an answer that breaks the schema', async () => {
    const { client } = setup([json({ custom_fields: [{ id: 'F', name: 'x' }] })]);
    await expect(client.listCustomFields()).rejects.toMatchObject({ kind: 'malformed' });
  });
});

describe('writes', () => {
  it('retries an escalation after a 500 with the very same body and idempotency key', async () => {
    const { client, calls } = setup([json({ type: 'api_error', status: 500 }, 500), new TypeError('lost'), json({ escalation }, 201)]);
    const created = await client.createEscalation({ idempotency_key: 'KEY-1', title: 'Checkout down', escalation_path_id: 'P', incident_id: 'I1' });
    expect(created.id).toBe('ESC1');
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.init.body)).size).toBe(1);
    expect(JSON.parse(String(calls[0]?.init.body))).toMatchObject({ idempotency_key: 'KEY-1' });
  });

  it('never retries a public update after a 500: the endpoint has no idempotency key', async () => {
    const { client, calls } = setup([json({ type: 'api_error', status: 500 }, 500)]);
    const error = await client.createStatusPageIncidentUpdate({ status_page_incident_id: 'S1', message: 'Fixed', notify_subscribers: false })
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(IncidentIoError);
    expect(calls).toHaveLength(1);
    expect(JSON.parse(String(calls[0]?.init.body))).not.toHaveProperty('idempotency_key');
  });

  it('refuses to send an idempotency key on a public update', async () => {
    const { client, calls } = setup([json({ status_page_incident_update: spUpdate }, 201)]);
    const payload = { status_page_incident_id: 'S1', message: 'Fixed', notify_subscribers: false, idempotency_key: 'x' };
    await expect(client.createStatusPageIncidentUpdate(payload as never)).rejects.toThrow();
    expect(calls).toHaveLength(0);
  });
});

describe('searchCatalog', () => {
  it('asks the exact identifier first, then scans pages keeping only matches, and says where it stopped', async () => {
    const many = Array.from({ length: 250 }, (_, i) => entry(i + 1));
    const { client, calls } = setup([
      entriesPage([entry(7)]),
      entriesPage(many, 'E250'),
    ]);
    const result = await searchCatalog(client, 'T', 'customer 1', { limit: 5 });
    // The exact identifier hit comes first; the scan adds partial matches up to the limit.
    expect(result.entries.map((e) => e.id)).toEqual(['E7', 'E1', 'E10', 'E11', 'E12']);
    expect(calls[0]?.url.searchParams.get('identifier')).toBe('customer 1');
    expect(calls[1]?.url.searchParams.get('identifier')).toBeNull();
    expect(result.after).toBe('E12');
  });

  it('matches aliases and external ids, folding case and accents', async () => {
    const { client } = setup([entriesPage([]), entriesPage([entry(1, { name: 'Café Zürich', aliases: ['cafe-zurich.ch'], external_id: 'cus_9' }), entry(2)])]);
    expect((await searchCatalog(client, 'T', 'ZURICH')).entries.map((e) => e.id)).toEqual(['E1']);
  });
});
