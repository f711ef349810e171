import { beforeEach, describe, expect, it } from 'vitest';
import { API_KEYS, SEED_INCIDENTS } from './seed';
import { responseErrors, useSandbox } from './test-support';

const { request, admin } = useSandbox();

type Named = { id: string; name: string };
let statuses: Record<string, string>;
let severities: Record<string, string>;
let types: Record<string, string>;

const byName = (items: Named[]) => Object.fromEntries(items.map((i) => [i.name, i.id]));

beforeEach(async () => {
  statuses = byName((await request('GET', '/v1/incident_statuses')).body.incident_statuses);
  severities = byName((await request('GET', '/v1/severities')).body.severities);
  types = byName((await request('GET', '/v1/incident_types')).body.incident_types);
});

const create = (body: Record<string, unknown>, key: string = API_KEYS.full) =>
  request('POST', '/v2/incidents', { key, body: { idempotency_key: `k-${JSON.stringify(body)}`, visibility: 'public', ...body } });

const edit = (id: string | number, incident: Record<string, unknown>, key: string = API_KEYS.full) =>
  request('POST', `/v2/incidents/${id}/actions/edit`, { key, body: { incident, notify_incident_channel: false } });

const statusOf = async (number: number) => (await request('GET', `/v2/incidents/${number}`)).body.incident.incident_status.name;

describe('POST /v2/incidents', () => {
  it('declares a schema-valid incident in triage with the next number and the key as creator', async () => {
    const res = await create({ name: 'Widget exports timing out' });
    expect(res.status).toBe(200);
    expect(responseErrors('POST', '/v2/incidents', 200, res.body)).toEqual([]);
    expect(res.body.incident).toMatchObject({
      reference: 'INC-138',
      incident_status: { name: 'Triage', category: 'triage' },
      creator: { api_key: { name: 'Copilot sandbox (full access)' } },
      permalink: 'https://app.incident.io/acme/incidents/138',
    });
    const updates = await request('GET', `/v2/incident_updates?incident_id=${res.body.incident.id}`);
    expect(updates.body.incident_updates).toHaveLength(1);
  });

  it('starts live when given a live status and a severity', async () => {
    const res = await create({ name: 'Queue backlog', incident_status_id: statuses.Investigating, severity_id: severities.Major });
    expect(res.body.incident.incident_status.name).toBe('Investigating');
    expect(res.body.incident.severity.name).toBe('Major');
  });

  it('returns the first incident when an idempotency key is replayed, even with a different body', async () => {
    const body = { idempotency_key: 'ticket-4521', visibility: 'public', name: 'Payments down' };
    const first = await request('POST', '/v2/incidents', { body });
    const again = await request('POST', '/v2/incidents', { body: { ...body, name: 'Payments still down' } });
    expect(again.status).toBe(200);
    expect(again.body.incident.id).toBe(first.body.incident.id);
    expect(again.body.incident.name).toBe('Payments down');
    const all = await admin('GET', 'incidents');
    expect(all.body.incidents.filter((i: { name: string }) => i.name.startsWith('Payments'))).toHaveLength(1);
  });

  it.each([
    ['no idempotency key', { idempotency_key: undefined, name: 'x' }, 'idempotency_key', 'is_required'],
    ['no visibility', { visibility: undefined, name: 'x' }, 'visibility', 'is_required'],
    ['a blank name', { name: '  ' }, 'name', 'is_required'],
    ['an unknown visibility', { visibility: 'internal', name: 'x' }, 'visibility', 'is_invalid_enum'],
    ['an unknown severity', { name: 'x', severity_id: '01ZZZZZZZZZZZZZZZZZZZZZZZZ' }, 'severity_id', 'invalid_value'],
    ['an unknown type', { name: 'x', incident_type_id: '01ZZZZZZZZZZZZZZZZZZZZZZZZ' }, 'incident_type_id', 'invalid_value'],
    ['an unknown status', { name: 'x', incident_status_id: 'nope' }, 'incident_status_id', 'invalid_value'],
  ])('answers 422 for %s', async (_label, override, field, code) => {
    const body = JSON.parse(JSON.stringify({ idempotency_key: 'k', visibility: 'public', ...override }));
    const res = await request('POST', '/v2/incidents', { body });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ type: 'validation_error', errors: [{ code, source: { field } }] });
  });

  it('requires a severity to start live', async () => {
    const res = await create({ name: 'x', incident_status_id: statuses.Investigating });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'is_required', source: { field: 'severity_id' } });
  });

  it('forces triage for a create_in_triage=always type and refuses a live start for it', async () => {
    const triaged = await create({ name: 'Customer says X', incident_type_id: types['Customer reported'] });
    expect(triaged.body.incident.incident_status.category).toBe('triage');
    const live = await create({
      name: 'Customer says Y', incident_type_id: types['Customer reported'], incident_status_id: statuses.Fixing, severity_id: severities.Minor,
    });
    expect(live.status).toBe(422);
    expect(live.body.errors[0].source.field).toBe('incident_status_id');
  });

  it('refuses a public incident of a private-only type', async () => {
    const res = await create({ name: 'Phishing', incident_type_id: types.Security });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].source.field).toBe('visibility');
    expect((await create({ name: 'Phishing', incident_type_id: types.Security, visibility: 'private' })).status).toBe(200);
  });

  it('answers 403 naming the role for a viewer key', async () => {
    const res = await create({ name: 'x' }, API_KEYS.viewer);
    expect(res.status).toBe(403);
    expect(res.body.errors[0].message).toContain('incident_creator');
  });

  it('answers 400 for a body that is not JSON, or not sent as JSON', async () => {
    const broken = await request('POST', '/v2/incidents', { body: '{"visibility":' });
    expect(broken.status).toBe(400);
    const wrongType = await request('POST', '/v2/incidents', {
      body: JSON.stringify({ idempotency_key: 'k', visibility: 'public', name: 'x' }), headers: { 'content-type': 'text/plain' },
    });
    expect(wrongType.status).toBe(400);
  });
});

describe('POST /v2/incidents/{id}/actions/edit', () => {
  it('moves live → live, appends an update and bumps updated_at', async () => {
    const before = (await request('GET', `/v2/incidents/${SEED_INCIDENTS.open}`)).body.incident;
    const res = await edit(before.id, { incident_status_id: statuses.Monitoring });
    expect(res.status).toBe(200);
    expect(responseErrors('POST', '/v2/incidents/{id}/actions/edit', 200, res.body)).toEqual([]);
    expect(res.body.incident.incident_status.name).toBe('Monitoring');
    expect(res.body.incident.updated_at > before.updated_at).toBe(true);
    const updates = (await request('GET', `/v2/incident_updates?incident_id=${before.id}`)).body.incident_updates;
    expect(updates[0].new_incident_status.name).toBe('Monitoring');
  });

  it('accepts the reference number as the inc CLI sends it, and resolves live → closed → (no reopen)', async () => {
    expect((await edit(SEED_INCIDENTS.open, { incident_status_id: statuses.Closed })).status).toBe(200);
    expect(await statusOf(SEED_INCIDENTS.open)).toBe('Closed');
    const reopen = await edit(SEED_INCIDENTS.open, { incident_status_id: statuses.Investigating });
    expect(reopen.status).toBe(422);
    expect(reopen.body.errors[0].message).toMatch(/incident\.io app/);
  });

  it.each([
    ['accepting triage → live', SEED_INCIDENTS.triage, 'Investigating'],
    ['live → triage', SEED_INCIDENTS.open, 'Triage'],
    ['declining', SEED_INCIDENTS.triage, 'Declined'],
    ['merging', SEED_INCIDENTS.open, 'Merged'],
    ['reopening a post-incident', SEED_INCIDENTS.learning, 'Fixing'],
    ['reopening a closed incident', SEED_INCIDENTS.closed, 'Monitoring'],
  ])('refuses %s with a pointer to the app', async (_label, number, status) => {
    const res = await edit(number, { incident_status_id: statuses[status] });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].message).toContain('must be done in the incident.io app');
    expect(await statusOf(number)).not.toBe(status);
  });

  it.each([
    ['paused → live', SEED_INCIDENTS.paused, 'Fixing'],
    ['triage → post-incident', SEED_INCIDENTS.triage, 'Documenting'],
    ['post-incident → closed', SEED_INCIDENTS.learning, 'Closed'],
  ])('allows %s', async (_label, number, status) => {
    expect((await edit(number, { incident_status_id: statuses[status] })).status).toBe(200);
    expect(await statusOf(number)).toBe(status);
  });

  it('changes severity and records it in the timeline', async () => {
    const res = await edit(SEED_INCIDENTS.openMajor, { severity_id: severities.Critical });
    expect(res.body.incident.severity.name).toBe('Critical');
    const updates = (await request('GET', `/v2/incident_updates?incident_id=${res.body.incident.id}`)).body.incident_updates;
    expect(updates[0].new_severity.name).toBe('Critical');
  });

  it('requires both top-level keys and the editor role', async () => {
    const missing = await request('POST', `/v2/incidents/${SEED_INCIDENTS.open}/actions/edit`, { body: { incident: {} } });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].source.field).toBe('notify_incident_channel');
    const creator = await edit(SEED_INCIDENTS.open, { name: 'x' }, API_KEYS.creator);
    expect(creator.status).toBe(403);
    expect(creator.body.errors[0].message).toContain('incident_editor');
  });
});

describe('incident attachments', () => {
  it('attaches a ticket, finds it by external id, and deletes it', async () => {
    const incident = (await request('GET', `/v2/incidents/${SEED_INCIDENTS.open}`)).body.incident;
    const created = await request('POST', '/v1/incident_attachments', {
      body: { incident_id: incident.id, resource: { resource_type: 'zendesk_ticket', external_id: '4521' } },
    });
    expect(created.status).toBe(201);
    expect(responseErrors('POST', '/v1/incident_attachments', 201, created.body)).toEqual([]);
    expect(created.body.incident_attachment.resource.permalink).toBe('https://acme.zendesk.com/agent/tickets/4521');

    const found = await request('GET', '/v1/incident_attachments?external_id=4521&resource_type=zendesk_ticket');
    expect(found.body.incident_attachments.map((a: { id: string }) => a.id)).toEqual([created.body.incident_attachment.id]);
    expect((await request('GET', `/v1/incident_attachments?incident_id=${incident.id}&resource_type=zendesk_ticket`)).body.incident_attachments).toHaveLength(1);

    const id = created.body.incident_attachment.id;
    expect((await request('DELETE', `/v1/incident_attachments/${id}`, { key: API_KEYS.viewer })).status).toBe(403);
    expect((await request('DELETE', `/v1/incident_attachments/${id}`)).status).toBe(204);
    expect((await request('DELETE', `/v1/incident_attachments/${id}`)).status).toBe(404);
  });

  it('validates the resource type and wants the incident ULID, not its number', async () => {
    const badType = await request('POST', '/v1/incident_attachments', {
      body: { incident_id: 'x', resource: { resource_type: 'freshdesk_ticket', external_id: '1' } },
    });
    expect(badType.status).toBe(422);
    expect(badType.body.errors[0].source.field).toBe('resource.resource_type');
    const byNumber = await request('POST', '/v1/incident_attachments', {
      body: { incident_id: String(SEED_INCIDENTS.open), resource: { resource_type: 'zendesk_ticket', external_id: '1' } },
    });
    expect(byNumber.status).toBe(422);
    expect(byNumber.body.errors[0]).toMatchObject({ source: { field: 'incident_id' }, message: expect.stringContaining('reference number') });
  });
});
