import { describe, expect, it } from 'vitest';
import { API_KEYS, SEED_INCIDENTS } from './seed';
import { CUSTOMER_COUNT, SEED_FIELDS, SEED_STATUS_PAGE_INCIDENT } from './seed-directory';
import { responseErrors, useSandbox } from './test-support';

const { request } = useSandbox();

type Field = { id: string; name: string; field_type: string; catalog_type_id?: string };
const fields = async (): Promise<Field[]> => (await request('GET', '/v2/custom_fields')).body.custom_fields;
const field = async (name: string): Promise<Field> => {
  const found = (await fields()).find((f) => f.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
};
const incident = async (n: number) => (await request('GET', `/v2/incidents/${n}`)).body.incident;

describe('answers match the published response schemas', () => {
  it('every new read', async () => {
    const customers = await field(SEED_FIELDS.customers);
    const product = await field(SEED_FIELDS.product);
    const schedules = (await request('GET', '/v2/schedules')).body.schedules as { id: string }[];
    const open = await incident(SEED_INCIDENTS.open);
    const attachments = (await request('GET', `/v1/incident_attachments?incident_id=${open.id}&resource_type=statuspage_incident`)).body.incident_attachments;
    const reads: [string, string][] = [
      ['/v2/custom_fields', '/v2/custom_fields'],
      [`/v1/custom_field_options?custom_field_id=${product.id}`, '/v1/custom_field_options'],
      ['/v2/catalog_types', '/v2/catalog_types'],
      [`/v2/catalog_entries?catalog_type_id=${customers.catalog_type_id}`, '/v2/catalog_entries'],
      [`/v3/catalog_entries?catalog_type_id=${customers.catalog_type_id}&page_size=25`, '/v3/catalog_entries'],
      ['/v2/incident_roles', '/v2/incident_roles'],
      ['/v2/users', '/v2/users'],
      ['/v2/escalation_paths', '/v2/escalation_paths'],
      ['/v2/escalations', '/v2/escalations'],
      ['/v2/schedules', '/v2/schedules'],
      [`/v2/schedule_entries?schedule_id=${schedules[1]?.id}`, '/v2/schedule_entries'],
      ['/v2/status_pages', '/v2/status_pages'],
      [`/v2/status_page_incidents/${attachments[0]?.resource.external_id}`, '/v2/status_page_incidents/{status_page_incident_id}'],
      [`/v2/incidents/${SEED_INCIDENTS.open}`, '/v2/incidents/{id}'],
    ];
    for (const [path, template] of reads) {
      const res = await request('GET', path);
      expect(res.status, path).toBe(200);
      expect(responseErrors('GET', template, 200, res.body), path).toEqual([]);
    }
  });
});

describe('custom fields and the catalog', () => {
  it('seeds six fields of every type, one backed by a 2,000-customer catalog', async () => {
    const all = await fields();
    expect(all.map((f) => f.field_type).sort()).toEqual(['link', 'multi_select', 'multi_select', 'numeric', 'single_select', 'text']);
    const customers = await field(SEED_FIELDS.customers);
    const first = await request('GET', `/v3/catalog_entries?catalog_type_id=${customers.catalog_type_id}&page_size=250`);
    expect(first.body.catalog_entries).toHaveLength(250);
    expect(first.body.pagination_meta).toMatchObject({ page_size: 250, total_record_count: CUSTOMER_COUNT });
    expect(first.body.pagination_meta.after).toBe(first.body.catalog_entries[249].id);
  });

  it('pages options and needs page_size on v3 entries', async () => {
    const product = await field(SEED_FIELDS.product);
    const page = await request('GET', `/v1/custom_field_options?custom_field_id=${product.id}&page_size=4`);
    expect(page.body.custom_field_options).toHaveLength(4);
    const next = await request('GET', `/v1/custom_field_options?custom_field_id=${product.id}&page_size=250&after=${page.body.pagination_meta.after}`);
    expect(next.body.custom_field_options.length).toBeGreaterThan(0);
    expect(next.body.pagination_meta.after).toBeUndefined();
    const customers = await field(SEED_FIELDS.customers);
    expect((await request('GET', `/v3/catalog_entries?catalog_type_id=${customers.catalog_type_id}`)).status).toBe(422);
  });

  it('finds an entry by identifier: email-domain alias, external id or name (the type uses names as identifiers)', async () => {
    const { catalog_type_id: type } = await field(SEED_FIELDS.customers);
    const find = async (identifier: string) =>
      (await request('GET', `/v3/catalog_entries?catalog_type_id=${type}&page_size=25&identifier=${encodeURIComponent(identifier)}`)).body.catalog_entries.map((e: { name: string }) => e.name);
    expect(await find('acme.com')).toEqual(['Acme Corp']);
    expect(await find('Globex')).toEqual(['Globex']);
    expect(await find('cus_00003')).toEqual(['Initech']);
    expect(await find('nobody.example')).toEqual([]);
  });

  it('is refused without catalog_viewer', async () => {
    const res = await request('GET', '/v2/catalog_types', { key: API_KEYS.viewer });
    expect(res.status).toBe(403);
    expect(res.body.errors[0].message).toContain('catalog_viewer');
  });

  it('shows seeded values and role assignments on incident reads', async () => {
    const open = await incident(SEED_INCIDENTS.open);
    const names = open.custom_field_entries.map((e: { custom_field: { name: string } }) => e.custom_field.name);
    expect(names).toEqual(expect.arrayContaining([SEED_FIELDS.product, SEED_FIELDS.customers]));
    const customers = open.custom_field_entries.find((e: { custom_field: { name: string } }) => e.custom_field.name === SEED_FIELDS.customers);
    expect(customers.values.map((v: { value_catalog_entry: { name: string } }) => v.value_catalog_entry.name)).toContain('Acme Corp');
    expect(open.incident_role_assignments.some((a: { role: { role_type: string }; assignee?: object }) => a.role.role_type === 'lead' && a.assignee)).toBe(true);
  });
});

describe('custom_field_entries on create and edit', () => {
  const create = (entries: unknown[]) => request('POST', '/v2/incidents', {
    body: { idempotency_key: `k-${Math.random()}`, visibility: 'public', name: 'Fields test', custom_field_entries: entries },
  });

  it('stores every value type and returns them typed', async () => {
    const all = await fields();
    const byName = (n: string) => all.find((f) => f.name === n) as Field;
    const options = (await request('GET', `/v1/custom_field_options?custom_field_id=${byName(SEED_FIELDS.product).id}`)).body.custom_field_options;
    const res = await create([
      { custom_field_id: byName(SEED_FIELDS.product).id, values: [{ value_option_id: options[0].id }] },
      { custom_field_id: byName(SEED_FIELDS.impact).id, values: [{ value_text: 'Cannot pay' }] },
      { custom_field_id: byName(SEED_FIELDS.runbook).id, values: [{ value_link: 'https://runbooks.example/x' }] },
      { custom_field_id: byName(SEED_FIELDS.tickets).id, values: [{ value_numeric: '3' }] },
      { custom_field_id: byName(SEED_FIELDS.customers).id, values: [{ value_catalog_entry_id: 'acme.com' }, { value_catalog_entry_id: 'cus_00002' }] },
    ]);
    expect(res.status).toBe(200);
    expect(responseErrors('POST', '/v2/incidents', 200, res.body)).toEqual([]);
    const entries = res.body.incident.custom_field_entries;
    expect(entries).toHaveLength(5);
    const customers = entries.find((e: { custom_field: { name: string } }) => e.custom_field.name === SEED_FIELDS.customers);
    expect(customers.values.map((v: { value_catalog_entry: { name: string } }) => v.value_catalog_entry.name)).toEqual(['Acme Corp', 'Globex']);
  });

  it.each([
    ['a catalog entry given by name', SEED_FIELDS.customers, { value_catalog_entry_id: 'Acme Corp' }, 'custom_field_entries.0.values.0.value_catalog_entry_id'],
    ['a link that is not a URL', SEED_FIELDS.runbook, { value_link: 'runbook page' }, 'custom_field_entries.0.values.0.value_link'],
    ['a number as text', SEED_FIELDS.tickets, { value_numeric: 'three' }, 'custom_field_entries.0.values.0.value_numeric'],
    ['the wrong value key for the type', SEED_FIELDS.impact, { value_option_id: 'x' }, 'custom_field_entries.0.values.0.value_option_id'],
  ])('answers 422 on the value for %s', async (_label, name, value, path) => {
    const res = await create([{ custom_field_id: (await field(name)).id, values: [value] }]);
    expect(res.status).toBe(422);
    expect(res.body.errors[0].source.field).toBe(path);
  });

  it('edits a numeric field and unsets a field with an empty values list', async () => {
    const open = await incident(SEED_INCIDENTS.open);
    const tickets = await field(SEED_FIELDS.tickets);
    const runbook = await field(SEED_FIELDS.runbook);
    const res = await request('POST', `/v2/incidents/${open.id}/actions/edit`, { body: {
      incident: { custom_field_entries: [{ custom_field_id: tickets.id, values: [{ value_numeric: '7' }] }, { custom_field_id: runbook.id, values: [] }] },
      notify_incident_channel: false,
    } });
    expect(res.status).toBe(200);
    const entries = res.body.incident.custom_field_entries as { custom_field: { id: string }; values: { value_numeric?: string }[] }[];
    expect(entries.find((e) => e.custom_field.id === tickets.id)?.values).toEqual([{ value_numeric: '7' }]);
    expect(entries.some((e) => e.custom_field.id === runbook.id)).toBe(false);
  });
});

describe('on-call', () => {
  it('pages once per idempotency key and lists the incident\'s escalations', async () => {
    const open = await incident(SEED_INCIDENTS.open);
    const path = (await request('GET', '/v2/escalation_paths')).body.escalation_paths[0];
    const body = { idempotency_key: 'esc-1', title: open.name, escalation_path_id: path.id, incident_id: open.id };
    const first = await request('POST', '/v2/escalations', { body });
    expect(first.status).toBe(201);
    expect(responseErrors('POST', '/v2/escalations', 201, first.body)).toEqual([]);
    const again = await request('POST', '/v2/escalations', { body });
    expect(again.body.escalation.id).toBe(first.body.escalation.id);
    const listed = await request('GET', `/v2/escalations?incident[one_of]=${open.id}`);
    expect(listed.body.escalations.map((e: { id: string }) => e.id)).toEqual([first.body.escalation.id]);
    expect(first.body.escalation.events.find((e: { event: string }) => e.event === 'notified_users').users.length).toBeGreaterThan(0);
  });

  it('needs a path or users, and the escalation_creator role', async () => {
    expect((await request('POST', '/v2/escalations', { body: { idempotency_key: 'x', title: 'T' } })).body.errors[0].source.field).toBe('escalation_path_id');
    const forbidden = await request('POST', '/v2/escalations', { key: API_KEYS.responder, body: { idempotency_key: 'x', title: 'T' } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.errors[0].message).toContain('escalation_creator');
    expect((await request('GET', '/v2/schedules', { key: API_KEYS.responder })).status).toBe(403);
  });

  it('gives final entries after overrides: who is on call now', async () => {
    const [platform, payments] = (await request('GET', '/v2/schedules')).body.schedules as { id: string }[];
    const now = Date.now();
    const window = `entry_window_start=${new Date(now).toISOString()}&entry_window_end=${new Date(now + 60_000).toISOString()}`;
    const p = (await request('GET', `/v2/schedule_entries?schedule_id=${payments?.id}&${window}`)).body.schedule_entries;
    expect(p.final.map((e: { user: { name: string } }) => e.user.name)).toEqual(['Grace Kim']);
    expect(p.scheduled[0].user.name).not.toBe('Grace Kim');
    const pl = (await request('GET', `/v2/schedule_entries?schedule_id=${platform?.id}&${window}`)).body.schedule_entries;
    expect(pl.final).toHaveLength(1);
  });
});

describe('status pages', () => {
  const publish = (key: string, body: object) => request('POST', '/v2/status_page_incidents', { key, body });

  it('publishes once per idempotency key, attaches as statuspage_incident, and takes updates', async () => {
    const page = (await request('GET', '/v2/status_pages')).body.status_pages[0];
    const body = { idempotency_key: 'sp-1', status_page_id: page.id, name: 'Slow dashboards', incident_status: 'investigating', message: 'Looking into it.', notify_subscribers: false };
    const first = await publish(API_KEYS.full, body);
    expect(first.status).toBe(201);
    expect(responseErrors('POST', '/v2/status_page_incidents', 201, first.body)).toEqual([]);
    expect((await publish(API_KEYS.full, body)).body.status_page_incident.id).toBe(first.body.status_page_incident.id);
    const spi = first.body.status_page_incident.id;

    const open = await incident(SEED_INCIDENTS.openMajor);
    const attached = await request('POST', '/v1/incident_attachments', { body: { incident_id: open.id, resource: { resource_type: 'statuspage_incident', external_id: spi } } });
    expect(attached.status).toBe(201);
    expect(attached.body.incident_attachment.resource).toMatchObject({ title: 'Slow dashboards', permalink: `${page.public_url}/incidents/${spi}` });

    const update = await request('POST', '/v2/status_page_incident_updates', { body: { status_page_incident_id: spi, message: 'Fixed.', incident_status: 'resolved', notify_subscribers: false } });
    expect(update.status).toBe(201);
    expect(responseErrors('POST', '/v2/status_page_incident_updates', 201, update.body)).toEqual([]);
    const shown = (await request('GET', `/v2/status_page_incidents/${spi}`)).body.status_page_incident;
    expect(shown.incident_status).toBe('resolved');
    expect(shown.updates.map((u: { message: string }) => u.message)).toEqual(['Fixed.', 'Looking into it.']);
  });

  it('refuses an idempotency key on updates: the schema has none', async () => {
    const open = await incident(SEED_INCIDENTS.open);
    const spi = (await request('GET', `/v1/incident_attachments?incident_id=${open.id}&resource_type=statuspage_incident`)).body.incident_attachments[0].resource.external_id;
    const res = await request('POST', '/v2/status_page_incident_updates', { body: { status_page_incident_id: spi, message: 'x', notify_subscribers: false, idempotency_key: 'k' } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'unknown_field', source: { field: 'idempotency_key' } });
    const shown = (await request('GET', `/v2/status_page_incidents/${spi}`)).body.status_page_incident;
    expect(shown.updates[0].message).toBe(SEED_STATUS_PAGE_INCIDENT.latest);
  });

  it('needs status_page_publisher to publish', async () => {
    const page = (await request('GET', '/v2/status_pages', { key: API_KEYS.responder })).body.status_pages[0];
    const res = await publish(API_KEYS.responder, { idempotency_key: 'x', status_page_id: page.id, name: 'n', incident_status: 'investigating', message: 'm', notify_subscribers: false });
    expect(res.status).toBe(403);
    expect(res.body.errors[0].message).toContain('status_page_publisher');
  });
});
