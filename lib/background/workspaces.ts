import { AppError } from '@/lib/app-error';
import { customEndpointHost, validateBaseUrl } from '@/lib/incident-io/base-url';
import { createIncidentIoClient } from '@/lib/incident-io/client';
import { REFUSALS } from '@/lib/incident-io/errors';
import type { Identity, Incident } from '@/lib/incident-io/schemas';
import { managedBaseUrl, readManagedConfig } from '@/lib/managed';
import type { Handlers } from '@/lib/messaging/handle';
import { type PublicIncident, toPublicIncident } from '@/lib/messaging/public-incident';
import type { WorkspaceView } from '@/lib/messaging/workspaces-protocol';
import {
  catalogItem, connectionItem, customerCatalogItem, declareDraftItem, followupsItem, incidentLinksItem,
  openIncidentsItem, panelIntentItem, pollBaselineItem, snoozesItem, viewedTicketsItem, watchedItem, type Workspace,
  workspaceBaselinesItem, workspaceCountsItem, workspaceOpenItem, type Workspaces,
} from '@/lib/storage';
import { type AlertWorkspaces, forgetWorkspaceAlerts } from './alerts';
import type { WorkspaceCount } from './badge';
import { changingConnection, type IncidentIoClient } from './client';
import { bumpGeneration, staleAfter } from './generation';
import { notifyHelpdeskTabs } from './helpdesk-tab';
import { advanceWorkspaceFollowups } from './incident-links';
import { apiKeyItem, closeKeyStorage, workspacesItem } from './key-storage';
import { OPEN_CATEGORIES, publicOnly, refreshOpenIncidents } from './open-incidents';
import { alertOnChanges, serially, updateBadge } from './refresh-effects';

/**
 * Several incident.io workspaces (issue 12 §4). The active one is mirrored into `apiKeyItem` and
 * `connectionItem`, so every existing handler serves it unchanged; each other one is polled once per
 * alarm tick (`pollOtherWorkspaces`) for the badge, help-desk tabs (its public list), alerts (its
 * own baseline) and its stashed follow-ups. Keys never leave the background: views carry names and ids.
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

/**
 * The workspaces, reconciled, never halfway through a switch: `activate` writes the active key and
 * connection before the list, and a reconcile between the two would give the old workspace the new key.
 */
export function readWorkspaces(): Promise<Workspaces> {
  return locked(reconciled);
}

async function reconciled(): Promise<Workspaces> {
  const [stored, apiKey, connection] = await Promise.all([workspacesItem.get(), apiKeyItem.get(), connectionItem.get()]);
  const next = reconcileWorkspaces(stored, { apiKey, connection }, () => crypto.randomUUID());
  if (JSON.stringify(next) !== JSON.stringify(stored)) await workspacesItem.set(next);
  return next;
}

export const workspaceViews = (workspaces: Workspaces): WorkspaceView[] => workspaces.list.map((w) => ({
  id: w.id, name: w.identity.name, baseUrl: w.baseUrl, active: w.id === workspaces.activeId,
}));

const reply = async () => ({ workspaces: workspaceViews(await readWorkspaces()) });

/** What belongs to the active org only: caches, the viewed tickets and a pending panel intent. */
async function forgetActiveOrgData() {
  await Promise.all([
    openIncidentsItem.remove(), catalogItem.remove(), incidentLinksItem.remove(), customerCatalogItem.remove(),
    viewedTicketsItem.remove(), panelIntentItem.remove(),
  ]);
}

/** Stash and per-workspace writes one at a time: a poll's follow-ups must not undo a switch, nor the reverse. */
let workspaceQueue: Promise<unknown> = Promise.resolve();
function locked<T>(task: () => Promise<T>): Promise<T> {
  const run = workspaceQueue.then(task);
  workspaceQueue = run.catch(() => undefined);
  return run;
}

const without = <T>(record: Record<string, T>, ...ids: Array<string | null | undefined>) =>
  Object.fromEntries(Object.entries(record).filter(([id]) => !ids.includes(id)));

const publicList = (incidents: Incident[]): PublicIncident[] => publicOnly(incidents).map((incident) => toPublicIncident(incident));

/**
 * Makes `target` active. The current one's watches, follow-ups, snoozes and declare draft are
 * stashed and the target's restored; its alert baseline is kept as an inactive workspace's and the
 * target's becomes the shared one (a change made meanwhile is still announced); its open list moves
 * to the inactive lists help-desk tabs show. Call inside `locked`.
 */
async function activate(workspaces: Workspaces, target: Workspace | null): Promise<void> {
  // First: a refresh in flight with the old key writes no cache from here on (generation.ts).
  bumpGeneration();
  const previousId = workspaces.list.some((w) => w.id === workspaces.activeId) ? workspaces.activeId : null;
  const [watched, followups, snoozes, declareDraft, open, lists, counts] = await Promise.all([
    watchedItem.get(), followupsItem.get(), snoozesItem.get(), declareDraftItem.get(), openIncidentsItem.get(),
    workspaceOpenItem.get(), workspaceCountsItem.get(),
  ]);
  const list = workspaces.list.map((w) => (w.id === previousId ? { ...w, stash: { watched, followups, snoozes, declareDraft } } : w));
  await serially(async () => {
    const [baseline, baselines] = await Promise.all([pollBaselineItem.get(), workspaceBaselinesItem.get()]);
    const kept = without(baselines, target?.id);
    await workspaceBaselinesItem.set(previousId && baseline ? { ...kept, [previousId]: baseline } : kept);
    const restored = target ? baselines[target.id] : undefined;
    await (restored ? pollBaselineItem.set(restored) : pollBaselineItem.remove());
  });
  const shown = previousId !== null && open.fetchedAt !== null;
  await workspaceOpenItem.set(shown ? { ...without(lists, target?.id), [previousId]: publicList(open.incidents) } : without(lists, target?.id));
  await workspaceCountsItem.set(shown
    ? { ...without(counts, target?.id), [previousId]: { count: open.incidents.length, fetchedAt: open.fetchedAt! } }
    : without(counts, target?.id));
  await forgetActiveOrgData();
  if (target) {
    await changingConnection(async () => {
      await apiKeyItem.set(target.apiKey);
      await connectionItem.set({ baseUrl: target.baseUrl, identity: target.identity });
    });
    await watchedItem.set(target.stash?.watched ?? []);
    await followupsItem.set(target.stash?.followups ?? {});
    await snoozesItem.set(target.stash?.snoozes ?? {});
    await (target.stash?.declareDraft ? declareDraftItem.set(target.stash.declareDraft) : declareDraftItem.remove());
  } else {
    await changingConnection(async () => {
      await connectionItem.set({ ...(await connectionItem.get()), identity: null });
      await apiKeyItem.remove();
    });
    await Promise.all([watchedItem.remove(), followupsItem.remove(), snoozesItem.remove(), declareDraftItem.remove()]);
  }
  await workspacesItem.set({
    activeId: target?.id ?? null,
    list: list.map((w) => (w.id === target?.id ? { ...w, stash: undefined } : w)),
  });
  if (target) void refreshOpenIncidents().catch(() => undefined);
  await updateBadge();
  void notifyHelpdeskTabs();
}

/** A removed workspace's per-workspace caches and alerts go with it. */
async function forgetWorkspace(id: string): Promise<void> {
  await serially(async () => workspaceBaselinesItem.set(without(await workspaceBaselinesItem.get(), id)));
  await workspaceOpenItem.set(without(await workspaceOpenItem.get(), id));
  await workspaceCountsItem.set(without(await workspaceCountsItem.get(), id));
  await forgetWorkspaceAlerts(id);
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
    await locked(async () => {
      const workspaces = await reconciled();
      if (workspaces.list.some((w) => w.apiKey === added.apiKey && w.baseUrl === added.baseUrl)) {
        throw new AppError({ kind: 'bad_input', message: `${added.identity.name} is already connected.` });
      }
      const next = { ...workspaces, list: [...workspaces.list, added] };
      await workspacesItem.set(next);
      // The first workspace is the active one; any other is polled from now on.
      if (workspaces.activeId === null) await activate(next, added);
      else void pollOtherWorkspaces().catch(() => undefined);
    });
    return reply();
  },
  'workspaces/switch': async ({ id }) => {
    await switchWorkspace(id);
    return reply();
  },
  'workspaces/remove': async ({ id }) => {
    await removeWorkspace(id);
    return reply();
  },
};

function removeWorkspace(id: string): Promise<void> {
  return locked(async () => {
    const workspaces = await reconciled();
    const remaining = { ...workspaces, list: workspaces.list.filter((w) => w.id !== id) };
    if (id === workspaces.activeId) {
      // Not stashed: `activate` stashes only a workspace still in the list.
      await activate({ ...remaining, activeId: null }, remaining.list[0] ?? null);
    } else {
      await workspacesItem.set(remaining);
    }
    await forgetWorkspace(id);
    await updateBadge();
    void notifyHelpdeskTabs();
  });
}

/** Makes a connected workspace active (the switcher, or a click on another workspace's alert). */
export function switchWorkspace(id: string): Promise<void> {
  return locked(async () => {
    const workspaces = await reconciled();
    const target = workspaces.list.find((w) => w.id === id);
    if (!target) throw new AppError({ kind: 'not_found', message: 'That workspace is no longer connected.' });
    if (id === workspaces.activeId) return;
    await activate(workspaces, target);
    void pollOtherWorkspaces().catch(() => undefined);
  });
}

type Stash = NonNullable<Workspace['stash']>;

/** Changes an inactive workspace's stash; nothing when it is gone or became the active one. */
function updateStash(id: string, change: (stash: Stash) => Stash): Promise<void> {
  return locked(async () => {
    const workspaces = await workspacesItem.get();
    if (!workspaces || workspaces.activeId === id || !workspaces.list.some((w) => w.id === id)) return;
    await workspacesItem.set({
      ...workspaces,
      list: workspaces.list.map((w) => (w.id === id ? { ...w, stash: change(w.stash ?? { watched: [], followups: {} }) } : w)),
    });
  });
}

/** What alerts need of workspaces (wired at start-up: alerts.ts cannot import this module). */
export const alertWorkspaces: AlertWorkspaces = {
  activeId: async () => (await workspacesItem.get())?.activeId ?? null,
  switchTo: switchWorkspace,
  snoozeIn: (workspaceId, incidentId, until) => updateStash(workspaceId, (stash) => ({
    ...stash, snoozes: { ...stash.snoozes, [incidentId]: until },
  })),
};

/** The workspaces connected and not active, as stored now. */
async function inactiveIds(): Promise<Set<string>> {
  const workspaces = await workspacesItem.get();
  return new Set((workspaces?.list ?? []).filter((w) => w.id !== workspaces?.activeId).map((w) => w.id));
}

interface Polled { workspace: Workspace; client: IncidentIoClient; incidents: Incident[] }

/**
 * One poll per inactive workspace (the active one is the shared cache's), one list call each: its
 * count (the badge), its public list (help-desk tabs, told when it changed), its alert diff against
 * its own baseline and its stashed follow-ups. Flat in tabs: only the alarm and workspace changes
 * call this, never a help-desk tab.
 */
export async function pollOtherWorkspaces(now = Date.now()): Promise<void> {
  const stale = staleAfter();
  const workspaces = await readWorkspaces();
  const others = workspaces.list.filter((w) => w.id !== workspaces.activeId);
  const polled = (await Promise.all(others.map(async (workspace): Promise<Polled | null> => {
    const client = createIncidentIoClient({ baseUrl: workspace.baseUrl, apiKey: workspace.apiKey });
    try {
      return { workspace, client, incidents: await client.listAllIncidents({ statusCategories: [...OPEN_CATEGORIES], pageSize: 250 }) };
    } catch {
      return null;
    }
  }))).filter((p): p is Polled => p !== null);
  // Not after a switch: a workspace switched to meanwhile has the shared cache (and a new poll runs).
  const changed = await locked(async () => {
    if (stale()) return false;
    // Nor for one removed meanwhile: its list went with it.
    const inactive = await inactiveIds();
    const [counts, lists] = await Promise.all([workspaceCountsItem.get(), workspaceOpenItem.get()]);
    const keep = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([id]) => inactive.has(id)));
    const fresh = polled.filter((p) => inactive.has(p.workspace.id));
    const nextLists = { ...keep(lists), ...Object.fromEntries(fresh.map((p) => [p.workspace.id, publicList(p.incidents)])) };
    await workspaceCountsItem.set({
      ...keep(counts), ...Object.fromEntries(fresh.map((p) => [p.workspace.id, { count: p.incidents.length, fetchedAt: now }])),
    });
    await workspaceOpenItem.set(nextLists);
    // Both as stored (parsed, in the schema's key order).
    return JSON.stringify(keep(lists)) !== JSON.stringify(await workspaceOpenItem.get());
  });
  await updateBadge();
  if (changed) await notifyHelpdeskTabs();
  for (const p of polled) {
    await alertOtherWorkspace(p, now, stale).catch(() => undefined);
    await followOtherWorkspace(p, now, stale).catch(() => undefined);
  }
}

/** The alert diff of an inactive workspace: its baseline, its stashed watches and snoozes. Once per poll. */
function alertOtherWorkspace({ workspace, client, incidents }: Polled, now: number, stale: () => boolean): Promise<void> {
  return serially(async () => {
    if (stale() || !(await inactiveIds()).has(workspace.id)) return;
    const baselines = await workspaceBaselinesItem.get();
    const snoozes = Object.fromEntries(Object.entries(workspace.stash?.snoozes ?? {}).filter(([, until]) => until > now));
    await alertOnChanges({
      workspaceId: workspace.id, prev: baselines[workspace.id] ?? null, open: incidents, now, snoozes,
      watched: new Set(workspace.stash?.watched ?? []),
      client: async () => client,
      save: async (baseline) => workspaceBaselinesItem.set({ ...(await workspaceBaselinesItem.get()), [workspace.id]: baseline }),
    });
  });
}

/** An inactive workspace's follow-ups, advanced in its stash with its own client. */
async function followOtherWorkspace({ workspace, client, incidents }: Polled, now: number, stale: () => boolean): Promise<void> {
  if (stale()) return;
  const before = workspace.stash?.followups ?? {};
  const after = await advanceWorkspaceFollowups(client, incidents, before, workspace.id, now);
  if (stale() || JSON.stringify(after) === JSON.stringify(before)) return;
  await updateStash(workspace.id, (stash) => ({ ...stash, followups: after }));
}

/**
 * The active workspace as a help-desk page labels an incident with it (a hover card's), when the
 * agent has several: references collide across organisations, so the card says whose it is.
 */
export async function activeWorkspaceLabel(): Promise<PublicIncident['workspace']> {
  const workspaces = await workspacesItem.get();
  const active = workspaces && workspaces.list.length > 1 ? workspaces.list.find((w) => w.id === workspaces.activeId) : undefined;
  return active ? { name: active.identity.name, active: true } : undefined;
}

/**
 * `incidents/open` for help-desk pages: the active workspace's public incidents and, with several
 * workspaces, every inactive one's from its last poll, each labelled with its workspace.
 */
export async function helpdeskOpenIncidents(active: Incident[]): Promise<PublicIncident[]> {
  const own = publicList(active);
  const workspaces = await workspacesItem.get();
  if (!workspaces || workspaces.list.length < 2) return own;
  const lists = await workspaceOpenItem.get();
  return workspaces.list.flatMap((w) => {
    const isActive = w.id === workspaces.activeId;
    const workspace = { name: w.identity.name, active: isActive };
    return (isActive ? own : lists[w.id] ?? []).map((incident) => ({ ...incident, workspace }));
  });
}

/** Open counts per workspace for the badge (the active one's is counted from its list), when there are several. */
export async function workspaceCounts(): Promise<WorkspaceCount[] | null> {
  const workspaces = await workspacesItem.get();
  if (!workspaces || workspaces.list.length < 2) return null;
  const counts = await workspaceCountsItem.get();
  return workspaces.list.map((w) => ({ name: w.identity.name, count: counts[w.id]?.count ?? 0, active: w.id === workspaces.activeId }));
}
