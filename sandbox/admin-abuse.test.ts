import { describe, expect, it } from 'vitest';
import { API_KEYS } from './seed';
import { useSandbox } from './test-support';

const { request, admin } = useSandbox();

describe('admin routes for fault and abuse tests', () => {
  it('revokes a key mid-session (401 from then on) and restores it', async () => {
    expect((await request('GET', '/v1/identity')).status).toBe(200);
    expect((await admin('POST', 'keys/revoke', { key: API_KEYS.full })).status).toBe(200);
    const refused = await request('GET', '/v1/identity');
    expect(refused.status).toBe(401);
    expect(JSON.stringify(refused.body)).toContain('revoked');
    await admin('POST', 'keys/revoke', { key: API_KEYS.full, revoked: false });
    expect((await request('GET', '/v1/identity')).status).toBe(200);
    expect((await admin('POST', 'keys/revoke', { key: 'no-such-key' })).status).toBe(404);
  });

  it('adds a severity with any name, which incidents can then be declared with and the API lists', async () => {
    const name = '<img src=x onerror=alert(1)> SEV‮0';
    const added = await admin('POST', 'severities', { name });
    expect(added.status).toBe(201);
    expect((await request('GET', '/v1/severities')).body.severities.map((s: { name: string }) => s.name)).toContain(name);
    const declared = await admin('POST', 'incidents', { name: 'Hostile severity', severity: name });
    expect(declared.body.incident.severity.name).toBe(name);
    // incident.io caps severity names at 50 characters; the sandbox refuses longer ones up front.
    expect((await admin('POST', 'severities', { name: 'S'.repeat(51) })).status).toBe(400);
  });

  it('posts a colleague’s update with a given message on an incident', async () => {
    const { body } = await admin('POST', 'incidents', { name: 'Updates', summary: '<script>alert(1)</script>' });
    const message = '"><svg onload=alert(1)>';
    expect((await admin('POST', `incidents/${body.incident.reference}/updates`, { message })).status).toBe(201);
    const updates = await request('GET', `/v2/incident_updates?incident_id=${body.incident.id}`);
    expect(updates.body.incident_updates.map((u: { message?: string }) => u.message)).toContain(message);
    expect((await admin('POST', 'incidents/INC-99999/updates', { message })).status).toBe(404);
    expect((await admin('POST', `incidents/${body.incident.reference}/updates`, {})).status).toBe(400);
  });
});
