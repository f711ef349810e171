import { AppError } from '@/lib/app-error';
import { customEndpointHost, validateBaseUrl } from '@/lib/incident-io/base-url';
import { createIncidentIoClient } from '@/lib/incident-io/client';
import { REFUSALS } from '@/lib/incident-io/errors';
import type { Identity } from '@/lib/incident-io/schemas';
import { managedBaseUrl, readManagedConfig } from '@/lib/managed';
import type { Handlers } from '@/lib/messaging/handle';
import type { WorkspaceView } from '@/lib/messaging/workspaces-protocol';
import {
  catalogItem, connectionItem, customerCatalogItem, followupsItem, incidentLinksItem, openIncidentsItem,
  pollBaselineItem, watchedItem, type Workspace, type Workspaces, workspaceCountsItem,
} from '@/lib/storage';
import type { WorkspaceCount } from './badge';
import { apiKeyItem, closeKeyStorage, workspacesItem } from './key-storage';
import { OPEN_CATEGORIES, refreshOpenIncidents } from './open-incidents';
import { updateBadge } from './refresh-effects';

/**
 * Several incident.io workspaces (issue 12 §4). The active one is mirrored into `apiKeyItem` and
 * `connectionItem`, so every existing handler serves it unchanged; the others are polled for the
 * badge only (`pollOtherWorkspaces`). Keys never leave the background: views carry names and ids.
 */

type Stored = { apiKey: string | null; connection: { baseUrl: string; identity: Identity | null } };

/**
 * The stored workspaces, reconciled with the active key: an install from before workspaces (a key
 * and its identity, no list) gets that connection as its first workspace, without retyping the key;
 * a key reconnected through `connection/connect` replaces the active workspace's key and identity.
 */
export function reconcileWorkspaces(stored: Workspaces | null, active: Stored, newId: () => string): Workspaces {
  const current = stored ?? { activeId: null, list: [] };
  const { apiKey, connection } = active;
  if (!apiKey || !connection.identity) {
    // Disconnected (the key removed): the active workspace goes with it.
    return { activeId: null, list: current.list.filter((w) => w.id !== current.activeId) };
  }
  const mirrored = { baseUrl: connection.baseUrl, identity: connection.identity, apiKey };
  const existing = current.list.find((w) => w.id === current.activeId);
  if (existing) return { ...current, list: current.list.map((w) => (w === existing ? { ...w, ...mirrored } : w)) };
  const id = newId();
  return { activeId: id, list: [{ id, ...mirrored }, ...current.list] };
}

export async function readWorkspaces(): Promise<Workspaces> {
  const [stored, apiKey, connection] = await Promise.all([workspacesItem.get(), apiKeyItem.get(), connectionItem.get()]);
  const next = reconcileWorkspaces(stored, { apiKey, connection }, () => crypto.randomUUID());
  if (JSON.stringify(next) !== JSON.stringify(stored)) await workspacesItem.set(next);
  return next;
}

export const workspaceViews = (workspaces: Workspaces): WorkspaceView[] => workspaces.list.map((w) => ({
  id: w.id, name: w.identity.name, baseUrl: w.baseUrl, active: w.id === workspaces.activeId,
}));

const reply = async () => ({ workspaces: workspaceViews(await readWorkspaces()) });

/** What belongs to the active org only: a new one's incidents must not look freshly declared. */
async function forgetActiveOrgData() {
  await Promise.all([
    openIncidentsItem.remove(), catalogItem.remove(), pollBaselineItem.remove(), incidentLinksItem.remove(), customerCatalogItem.remove(),
  ]);
}

/** Makes `target` active: the current one's watches and follow-ups are stashed, the target's restored. */
async function activate(workspaces: Workspaces, target: Workspace | null): Promise<void> {
  const [watched, followups] = await Promise.all([watchedItem.get(), followupsItem.get()]);
  const list = workspaces.list.map((w) => (w.id === workspaces.activeId ? { ...w, stash: { watched, followups } } : w));
  await forgetActiveOrgData();
  if (target) {
    await apiKeyItem.set(target.apiKey);
    await connectionItem.set({ baseUrl: target.baseUrl, identity: target.identity });
    await watchedItem.set(target.stash?.watched ?? []);
    await followupsItem.set(target.stash?.followups ?? {});
  } else {
    await connectionItem.set({ ...(await connectionItem.get()), identity: null });
    await apiKeyItem.remove();
    await Promise.all([watchedItem.remove(), followupsItem.remove()]);
  }
  await workspacesItem.set({
    activeId: target?.id ?? null,
    list: list.map((w) => (w.id === target?.id ? { ...w, stash: undefined } : w)),
  });
  await workspaceCountsItem.set(Object.fromEntries(Object.entries(await workspaceCountsItem.get()).filter(([id]) => id !== target?.id)));
  if (target) void refreshOpenIncidents().catch(() => undefined);
  await updateBadge();
}

async function validated(request: { apiKey: string; baseUrl: string; customEndpoint?: string }) {
  const url = validateBaseUrl(managedBaseUrl(await readManagedConfig()) ?? request.baseUrl);
  if (!url.ok) throw new AppError({ kind: 'bad_input', message: url.message });
  const custom = customEndpointHost(url.url);
  if (custom && request.customEndpoint !== custom) throw new AppError(REFUSALS.customEndpoint(custom));
  // Validate before storing: a key that can't read its own identity is never saved.
  const identity = await createIncidentIoClient({ baseUrl: url.url, apiKey: request.apiKey }).identity();
  await closeKeyStorage().catch(() => {
    throw new AppError(REFUSALS.keyStorageOpen());
  });
  return { baseUrl: url.url, identity, apiKey: request.apiKey };
}

export const workspaceHandlers: Pick<Handlers, 'workspaces/list' | 'workspaces/add' | 'workspaces/switch' | 'workspaces/remove'> = {
  'workspaces/list': () => reply(),
  'workspaces/add': async (request) => {
    const added = { id: crypto.randomUUID(), ...(await validated(request)) };
    const workspaces = await readWorkspaces();
    if (workspaces.list.some((w) => w.apiKey === added.apiKey && w.baseUrl === added.baseUrl)) {
      throw new AppError({ kind: 'bad_input', message: `${added.identity.name} is already connected.` });
    }
    const next = { ...workspaces, list: [...workspaces.list, added] };
    await workspacesItem.set(next);
    // The first workspace is the active one; any other is polled for the badge from now on.
    if (workspaces.activeId === null) await activate(next, added);
    else void pollOtherWorkspaces().catch(() => undefined);
    return reply();
  },
  'workspaces/switch': async ({ id }) => {
    const workspaces = await readWorkspaces();
    const target = workspaces.list.find((w) => w.id === id);
    if (!target) throw new AppError({ kind: 'not_found', message: 'That workspace is no longer connected.' });
    if (id !== workspaces.activeId) {
      await activate(workspaces, target);
      void pollOtherWorkspaces().catch(() => undefined);
    }
    return reply();
  },
  'workspaces/remove': async ({ id }) => {
    const workspaces = await readWorkspaces();
    const remaining = { ...workspaces, list: workspaces.list.filter((w) => w.id !== id) };
    if (id === workspaces.activeId) {
      // The active one's watches and follow-ups live in their own items: `activate` clears them.
      await activate({ ...remaining, activeId: null }, remaining.list[0] ?? null);
    } else {
      await workspacesItem.set(remaining);
    }
    await workspaceCountsItem.set(Object.fromEntries(Object.entries(await workspaceCountsItem.get()).filter(([known]) => known !== id)));
    await updateBadge();
    return reply();
  },
};

/**
 * One poll per inactive workspace (the active one is the shared cache's): its open count, for the
 * badge. Flat in tabs: only the alarm and workspace changes call this, never a help-desk tab.
 */
export async function pollOtherWorkspaces(now = Date.now()): Promise<void> {
  const workspaces = await readWorkspaces();
  const others = workspaces.list.filter((w) => w.id !== workspaces.activeId);
  const counts = await Promise.all(others.map(async (w) => {
    try {
      const incidents = await createIncidentIoClient({ baseUrl: w.baseUrl, apiKey: w.apiKey })
        .listAllIncidents({ statusCategories: [...OPEN_CATEGORIES], pageSize: 250 });
      return [w.id, { count: incidents.length, fetchedAt: now }] as const;
    } catch {
      return null;
    }
  }));
  const previous = await workspaceCountsItem.get();
  const kept = Object.fromEntries(others.map((w) => [w.id, previous[w.id]]).filter(([, v]) => v !== undefined));
  await workspaceCountsItem.set({ ...kept, ...Object.fromEntries(counts.filter((c) => c !== null)) });
  await updateBadge();
}

/** Open counts per workspace for the badge (the active one's is counted from its list), when there are several. */
export async function workspaceCounts(): Promise<WorkspaceCount[] | null> {
  const workspaces = await workspacesItem.get();
  if (!workspaces || workspaces.list.length < 2) return null;
  const counts = await workspaceCountsItem.get();
  return workspaces.list.map((w) => ({ name: w.identity.name, count: counts[w.id]?.count ?? 0, active: w.id === workspaces.activeId }));
}
