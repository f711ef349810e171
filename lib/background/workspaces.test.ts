import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  connectionItem, followupsItem, openIncidentsItem, watchedItem, workspaceCountsItem,
} from '@/lib/storage';
import { apiKeyItem, workspacesItem } from './key-storage';
import { readWorkspaces, reconcileWorkspaces, workspaceCounts, workspaceHandlers } from './workspaces';
import type { CallContext } from '@/lib/messaging/handle';

const acme = { name: 'Acme support', dashboard_url: 'https://app.incident.io/acme', roles: ['viewer'] };
const globex = { name: 'Globex support', dashboard_url: 'https://app.incident.io/globex', roles: ['viewer'] };
const BASE = 'https://api.incident.io';
const ctx = { level: 'agent' } as CallContext;

// No incident.io here: a refresh started by a switch fails quietly.
vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('offline'); }));
afterAll(() => vi.unstubAllGlobals());

describe('reconcileWorkspaces (the migration from one key)', () => {
  it('makes an install from before workspaces its first workspace, key and identity kept', () => {
    const migrated = reconcileWorkspaces(null, { apiKey: 'key-1', connection: { baseUrl: BASE, identity: acme } }, () => 'w1');
    expect(migrated).toEqual({ activeId: 'w1', list: [{ id: 'w1', baseUrl: BASE, identity: acme, apiKey: 'key-1' }] });
  });

  it('has no workspace for an install that never connected', () => {
    expect(reconcileWorkspaces(null, { apiKey: null, connection: { baseUrl: BASE, identity: null } }, () => 'w1'))
      .toEqual({ activeId: null, list: [] });
  });

  it('follows a key reconnected in the connection form, and drops the active one on disconnect', () => {
    const two = {
      activeId: 'w1',
      list: [{ id: 'w1', baseUrl: BASE, identity: acme, apiKey: 'key-1' }, { id: 'w2', baseUrl: BASE, identity: globex, apiKey: 'key-2' }],
    };
    const renewed = reconcileWorkspaces(two, { apiKey: 'key-1b', connection: { baseUrl: BASE, identity: acme } }, () => 'new');
    expect(renewed.list.map((w) => [w.id, w.apiKey])).toEqual([['w1', 'key-1b'], ['w2', 'key-2']]);
    const disconnected = reconcileWorkspaces(two, { apiKey: null, connection: { baseUrl: BASE, identity: null } }, () => 'new');
    expect(disconnected).toEqual({ activeId: null, list: [two.list[1]] });
  });
});

describe('workspace handlers', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    // A single-key install as it was stored before workspaces.
    await apiKeyItem.set('key-1');
    await connectionItem.set({ baseUrl: BASE, identity: acme });
  });

  it('migrates the stored key on first read, without it being typed again', async () => {
    expect(await workspacesItem.get()).toBeNull();
    expect(await workspaceHandlers['workspaces/list']({}, ctx)).toEqual({
      workspaces: [{ id: expect.any(String), name: 'Acme support', baseUrl: BASE, active: true }],
    });
    expect((await workspacesItem.get())?.list[0]?.apiKey).toBe('key-1');
  });

  async function withGlobex() {
    const first = await readWorkspaces();
    await workspacesItem.set({ ...first, list: [...first.list, { id: 'w2', baseUrl: BASE, identity: globex, apiKey: 'key-2' }] });
    return first.activeId!;
  }

  it('switching swaps the key the handlers use and each workspace’s watches and follow-ups', async () => {
    const acmeId = await withGlobex();
    await watchedItem.set(['acme-incident']);
    await openIncidentsItem.set({ incidents: [], fetchedAt: 1, complete: true });
    const { workspaces } = await workspaceHandlers['workspaces/switch']({ id: 'w2' }, ctx);
    expect(workspaces.find((w) => w.active)?.name).toBe('Globex support');
    expect(await apiKeyItem.get()).toBe('key-2');
    expect((await connectionItem.get()).identity).toEqual(globex);
    expect(await watchedItem.get()).toEqual([]);
    // Acme's cache is not Globex's.
    expect((await openIncidentsItem.get()).fetchedAt).toBeNull();
    await workspaceHandlers['workspaces/switch']({ id: acmeId }, ctx);
    expect(await apiKeyItem.get()).toBe('key-1');
    expect(await watchedItem.get()).toEqual(['acme-incident']);
  });

  it('removing a workspace removes its key, its counts, its watches and follow-ups', async () => {
    const acmeId = await withGlobex();
    await workspaceCountsItem.set({ w2: { count: 2, fetchedAt: 1 } });
    const stashed = (await workspacesItem.get())!;
    await workspacesItem.set({ ...stashed, list: stashed.list.map((w) => (w.id === 'w2' ? { ...w, stash: { watched: ['globex-incident'], followups: {} } } : w)) });
    const { workspaces } = await workspaceHandlers['workspaces/remove']({ id: 'w2' }, ctx);
    expect(workspaces.map((w) => w.name)).toEqual(['Acme support']);
    expect(JSON.stringify(await workspacesItem.get())).not.toContain('key-2');
    expect(JSON.stringify(await workspacesItem.get())).not.toContain('globex-incident');
    expect(await workspaceCountsItem.get()).toEqual({});
    expect(await apiKeyItem.get()).toBe('key-1');

    // The active one: the next takes its place or, with none left, nothing stays connected.
    await watchedItem.set(['acme-incident']);
    await followupsItem.set({});
    await workspaceHandlers['workspaces/remove']({ id: acmeId }, ctx);
    expect(await apiKeyItem.get()).toBeNull();
    expect((await connectionItem.get()).identity).toBeNull();
    expect(await watchedItem.get()).toEqual([]);
    expect(await workspacesItem.get()).toEqual({ activeId: null, list: [] });
  });

  it('gives the badge one count per workspace only when there are several', async () => {
    expect(await workspaceCounts()).toBeNull();
    await withGlobex();
    await workspaceCountsItem.set({ w2: { count: 2, fetchedAt: 1 } });
    expect(await workspaceCounts()).toEqual([
      { name: 'Acme support', count: 0, active: true },
      { name: 'Globex support', count: 2, active: false },
    ]);
  });
});
