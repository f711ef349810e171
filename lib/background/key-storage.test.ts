import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { apiKeyItem, type KeyVault, useKeyVault, workspacesItem } from './key-storage';

// Where the key lives (docs/SECURITY.md, "The key"). Firefox has no storage.local access levels, so
// anything in storage.local there is readable (and writable) by content scripts.

const KEY = 'sk_live_secret-key';

/** A vault like the extension origin's IndexedDB: keeps the CryptoKey object itself. */
function memoryVault(): KeyVault & { held: () => CryptoKey | undefined } {
  let held: CryptoKey | undefined;
  return { load: async () => held, save: async (key) => void (held = key), held: () => held };
}

const local = async () => fakeBrowser.storage.local.get(null);
const session = async () => fakeBrowser.storage.session.get(null);

beforeEach(() => {
  fakeBrowser.reset();
  delete (fakeBrowser.storage.local as { setAccessLevel?: unknown }).setAccessLevel; // Firefox
});

describe('Firefox: the key never sits in storage.local in the clear', () => {
  it('keeps the key in storage.session and only a sealed copy in storage.local', async () => {
    useKeyVault(memoryVault());
    await apiKeyItem.set(KEY);
    expect(JSON.stringify(await local())).not.toContain(KEY);
    expect((await local()).apiKey).toMatchObject({ sealed: 1, iv: expect.any(String), data: expect.any(String) });
    expect((await session()).apiKey).toBe(KEY);
    expect(await apiKeyItem.get()).toBe(KEY);
  });

  it('reads the sealed copy back after a browser restart (session cleared)', async () => {
    const vault = memoryVault();
    useKeyVault(vault);
    await apiKeyItem.set(KEY);
    await fakeBrowser.storage.session.clear();
    useKeyVault(vault); // a new background: the sealing key is loaded from the vault again
    expect(await apiKeyItem.get()).toBe(KEY);
    expect((await session()).apiKey).toBe(KEY);
  });

  it('seals with a non-extractable AES-GCM key', async () => {
    const vault = memoryVault();
    useKeyVault(vault);
    await apiKeyItem.set(KEY);
    const key = vault.held()!;
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('without the vault key (lost, or another profile) the copy opens to nothing: no key', async () => {
    useKeyVault(memoryVault());
    await apiKeyItem.set(KEY);
    await fakeBrowser.storage.session.clear();
    useKeyVault(memoryVault());
    expect(await apiKeyItem.get()).toBeNull();
  });

  it('a plain value in storage.local (an older build, or planted by a content script) is deleted, never used', async () => {
    useKeyVault(memoryVault());
    await fakeBrowser.storage.local.set({ apiKey: 'planted-key' });
    expect(await apiKeyItem.get()).toBeNull();
    expect((await local()).apiKey).toBeUndefined();
  });

  it('a tampered sealed copy, or one moved from another item, opens to nothing', async () => {
    useKeyVault(memoryVault());
    await workspacesItem.set({ activeId: 'w1', list: [] });
    await apiKeyItem.set(KEY);
    const sealed = (await local()).apiKey as { data: string };
    await fakeBrowser.storage.session.clear();
    const flipped = `${sealed.data.startsWith('A') ? 'B' : 'A'}${sealed.data.slice(1)}`;
    await fakeBrowser.storage.local.set({ apiKey: { ...sealed, data: flipped } });
    expect(await apiKeyItem.get()).toBeNull();
    await fakeBrowser.storage.local.set({ apiKey: (await local()).workspaces });
    expect(await apiKeyItem.get()).toBeNull();
  });

  it('without IndexedDB the key is kept for the session only, never persisted', async () => {
    useKeyVault(null);
    await apiKeyItem.set(KEY);
    expect((await local()).apiKey).toBeUndefined();
    expect(await apiKeyItem.get()).toBe(KEY);
  });

  it('a vault that fails to open keeps the key out of storage.local too', async () => {
    useKeyVault({ load: vi.fn(async () => { throw new Error('IndexedDB: private browsing'); }), save: vi.fn() });
    await apiKeyItem.set(KEY);
    expect(JSON.stringify(await local())).not.toContain(KEY);
  });

  it('workspaces (each with its key) are sealed the same way', async () => {
    useKeyVault(memoryVault());
    const identity = { name: 'Acme', dashboard_url: 'https://app.incident.io/acme', roles: [] };
    await workspacesItem.set({ activeId: 'w1', list: [{ id: 'w1', baseUrl: 'https://api.incident.io', identity, apiKey: KEY }] });
    expect(JSON.stringify(await local())).not.toContain(KEY);
    await fakeBrowser.storage.session.clear();
    expect((await workspacesItem.get())?.list[0]?.apiKey).toBe(KEY);
  });

  it('remove deletes both copies', async () => {
    useKeyVault(memoryVault());
    await apiKeyItem.set(KEY);
    await apiKeyItem.remove();
    expect((await local()).apiKey).toBeUndefined();
    expect((await session()).apiKey).toBeUndefined();
    expect(await apiKeyItem.get()).toBeNull();
  });
});

describe('Chrome: storage.local closed to content scripts holds the key', () => {
  it('stores it there as it is', async () => {
    fakeBrowser.storage.local.setAccessLevel = vi.fn(async () => undefined);
    await apiKeyItem.set(KEY);
    expect((await local()).apiKey).toBe(KEY);
    expect((await session()).apiKey).toBeUndefined();
    expect(await apiKeyItem.get()).toBe(KEY);
  });
});
