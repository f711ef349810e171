import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createIncidentIoClient } from '@/lib/incident-io/client';
import { connectionItem } from '@/lib/storage';
import { apiKeyItem } from './key-storage';
import { changingConnection, connectedClient, READ_METHOD } from './client';

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

describe('the background client is built once per key, base URL and policy', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    await apiKeyItem.set('key-a');
    await connectionItem.set({ baseUrl: 'https://api.incident.io', identity: null });
  });

  const keyUsed = async (fetch: ReturnType<typeof vi.spyOn>) => {
    await (await connectedClient()).listSeverities();
    const [url, init] = fetch.mock.lastCall as [string, RequestInit];
    return `${new URL(url).origin} ${(init.headers as Record<string, string>).Authorization}`;
  };

  it('reads the key once for many calls, and again after every change of the key, the connection or the policy', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify({ severities: [] }), { status: 200 }));
    expect(await keyUsed(fetch)).toBe('https://api.incident.io Bearer key-a');
    const reads = vi.spyOn(apiKeyItem, 'get');
    await connectedClient();
    await connectedClient();
    expect(reads).not.toHaveBeenCalled();

    // A workspace switch or a reconnect: the next request carries the new key at once.
    await changingConnection(async () => {
      await apiKeyItem.set('key-b');
      await connectionItem.set({ baseUrl: 'https://eu.api.incident.io', identity: null });
    });
    expect(await keyUsed(fetch)).toBe('https://eu.api.incident.io Bearer key-b');

    // Written behind its back (another context): the storage change forgets it too.
    await apiKeyItem.set('key-c');
    await vi.waitFor(async () => expect(await keyUsed(fetch)).toBe('https://eu.api.incident.io Bearer key-c'));

    // A policy that forbids writes applies to the kept client's next call.
    await fakeBrowser.storage.managed.set({ allowWrites: false });
    await vi.waitFor(async () => expect((await connectedClient()).deleteAttachment('att-1')).rejects.toMatchObject({ info: { kind: 'not_allowed' } }));
  });

  it('a call while the key is being written is not kept past the write', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify({ severities: [] }), { status: 200 }));
    await connectedClient();
    let during: Promise<unknown> | undefined;
    await changingConnection(async () => {
      during = connectedClient();
      await apiKeyItem.set('key-b');
    });
    await during;
    expect(await keyUsed(fetch)).toBe('https://api.incident.io Bearer key-b');
  });

  it('without a key says so, and connects once one is saved', async () => {
    await changingConnection(() => apiKeyItem.remove());
    await expect(connectedClient()).rejects.toMatchObject({ info: { kind: 'not_configured' } });
    await changingConnection(() => apiKeyItem.set('key-d'));
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify({ severities: [] }), { status: 200 }));
    expect(await keyUsed(fetch)).toBe('https://api.incident.io Bearer key-d');
  });
});
