import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createIncidentIoClient } from '@/lib/incident-io/client';
import { connectionItem } from '@/lib/storage';
import { apiKeyItem } from './key-storage';
import { connectedClient, READ_METHOD } from './client';

describe('the background client under a read-only policy', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    await apiKeyItem.set('key');
    await connectionItem.set({ baseUrl: 'https://api.incident.io', identity: null });
  });

  it('classifies every client method: a new write can\'t slip past the policy by its name', () => {
    const methods = Object.keys(createIncidentIoClient({ baseUrl: 'https://api.incident.io', apiKey: 'k' }));
    const writes = methods.filter((name) => !READ_METHOD.test(name));
    expect(writes.every((name) => /^(create|edit|update|delete|remove|resolve|add)/.test(name))).toBe(true);
    expect(writes).toEqual(expect.arrayContaining(['createIncident', 'editIncident', 'createAttachment', 'deleteAttachment']));
  });

  it('refuses writes before any request, and still reads', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify({ severities: [] }), { status: 200 }));
    await fakeBrowser.storage.managed.set({ allowWrites: false });
    const client = await connectedClient();
    await expect(client.deleteAttachment('att-1')).rejects.toMatchObject({ info: { kind: 'not_allowed', message: expect.stringContaining('show incidents only') } });
    expect(fetch).not.toHaveBeenCalled();
    expect(await client.listSeverities()).toEqual([]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('writes when the policy allows it or says nothing', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 204 }));
    await (await connectedClient()).deleteAttachment('att-1');
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
