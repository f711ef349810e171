import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Incident } from '@/lib/incident-io/schemas';
import type { CallContext } from '@/lib/messaging/handle';
import { helpdeskReplies } from '@/lib/messaging/protocol';
import {
  alertsItem, catalogItem, connectionItem, declareDraftItem, followupsItem, openIncidentsItem, panelIntentItem,
  pollBaselineItem, snoozesItem, viewedTicketsItem, workspaceBaselinesItem, workspaceOpenItem,
} from '@/lib/storage';
import { apiKeyItem, workspacesItem } from './key-storage';
import { EMPTY_DECLARE_DRAFT } from '@/lib/declare-draft';
import { openAlert, snoozeFromAlert } from './alerts';
import { handlers } from './handlers';
import { refreshOpenIncidents } from './open-incidents';
import { makeIncident, orgSeverities, severity, status } from './test-fixtures';
import { alertWorkspaces, pollOtherWorkspaces, readWorkspaces, switchWorkspace, workspaceHandlers } from './workspaces';

/** One fake incident.io organisation per key: what each key's client lists and reads. */
const orgs = vi.hoisted(() => ({} as Record<string, { listAllIncidents: ReturnType<typeof vi.fn>; getIncident: ReturnType<typeof vi.fn>; listAttachments: ReturnType<typeof vi.fn> }>));
vi.mock('@/lib/incident-io/client', () => ({
  createIncidentIoClient: vi.fn(({ apiKey }: { apiKey: string }) => orgs[apiKey]),
}));

const acme = { name: 'Acme support', dashboard_url: 'https://app.incident.io/acme', roles: ['viewer'] };
const globex = { name: 'Globex support', dashboard_url: 'https://app.incident.io/globex', roles: ['viewer'] };
const BASE = 'https://api.incident.io';
const T0 = Date.parse('2026-03-10T12:00:00Z');
const page = { level: 'helpdesk', tabId: 3, tabUrl: 'https://acme.zendesk.com/agent/tickets/1' } as CallContext;

// References collide across organisations: INC-1 in both.
const acmeOne = makeIncident(1, { id: '01HACME1', name: 'Acme checkout down', severity: severity.critical });
const globexOne = makeIncident(1, { id: '01HGLOBEX1', name: 'Globex payments failing', severity: severity.major });
const globexSecret = makeIncident(2, { id: '01HGLOBEX2', name: 'Globex secret', visibility: 'private' });
const globexNew = makeIncident(3, { id: '01HGLOBEX3', name: 'Globex emails delayed', severity: severity.minor });

function org() {
  return { listAllIncidents: vi.fn(async (): Promise<Incident[]> => []), getIncident: vi.fn(), listAttachments: vi.fn(async () => []) };
}

const shownIds = () => Object.keys(fakeBrowser.notifications.getAllCreateOptions());

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  orgs['key-1'] = org();
  orgs['key-2'] = org();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ icons: { 128: 'icon/128.png' } } as never);
  await apiKeyItem.set('key-1');
  await connectionItem.set({ baseUrl: BASE, identity: acme });
  await catalogItem.set({ catalog: { statuses: [], severities: orgSeverities, types: [] }, fetchedAt: Date.now() });
  const first = await readWorkspaces();
  await workspacesItem.set({ ...first, list: [...first.list, { id: 'w2', baseUrl: BASE, identity: globex, apiKey: 'key-2' }] });
});

// A switch starts a refresh and a poll it does not wait for: let them end inside their own test.
afterEach(() => new Promise((resolve) => setTimeout(resolve, 30)));

const acmeId = async () => (await workspacesItem.get())!.list[0]!.id;

describe('help-desk tabs see every workspace’s open incidents', () => {
  it('keeps the inactive workspace’s public list and answers help-desk callers with both, labelled', async () => {
    await openIncidentsItem.set({ incidents: [acmeOne], fetchedAt: Date.now(), complete: true });
    orgs['key-2']!.listAllIncidents.mockResolvedValue([globexOne, globexSecret]);
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 }, { id: 8 }] as never);

    await pollOtherWorkspaces(T0);
    // The projection only, public only: the private incident and the Slack channel never reach a page.
    expect((await workspaceOpenItem.get()).w2?.map((i) => i.reference)).toEqual(['INC-1']);
    expect(JSON.stringify(await workspaceOpenItem.get())).not.toMatch(/secret|slack_channel/);

    const reply = helpdeskReplies['incidents/open'].parse(await handlers['incidents/open']({}, page));
    expect(reply.incidents.map((i) => [i.reference, i.name, i.workspace])).toEqual([
      ['INC-1', 'Acme checkout down', { name: 'Acme support', active: true }],
      ['INC-1', 'Globex payments failing', { name: 'Globex support', active: false }],
    ]);
    // Tabs are told once per change (each tab once), and the other list is read once per poll, not per tab.
    expect(sent.mock.calls.filter(([, message]) => (message as { type: string }).type === 'incidents/changed')).toHaveLength(2);
    expect(orgs['key-2']!.listAllIncidents).toHaveBeenCalledOnce();
    sent.mockClear();
    await pollOtherWorkspaces(T0 + 60_000);
    expect(sent).not.toHaveBeenCalled();
  });

  it('gives a single workspace’s incidents no workspace label', async () => {
    await workspaceHandlers['workspaces/remove']({ id: 'w2' }, { level: 'agent' } as CallContext);
    await openIncidentsItem.set({ incidents: [acmeOne], fetchedAt: Date.now(), complete: true });
    const reply = await handlers['incidents/open']({}, page);
    expect(reply.incidents[0]).not.toHaveProperty('workspace');
  });
});

describe('alerts and follow-ups from every workspace', () => {
  it('announces an inactive workspace’s declaration under its own id; a click switches to it first', async () => {
    orgs['key-2']!.listAllIncidents.mockResolvedValue([globexOne]);
    await pollOtherWorkspaces(T0);
    expect(shownIds()).toEqual([]); // its first poll is its baseline
    orgs['key-2']!.listAllIncidents.mockResolvedValue([globexOne, globexNew]);
    await pollOtherWorkspaces(T0 + 60_000);
    expect(shownIds()).toEqual([`w2/incident:${globexNew.id}:declared`]);
    expect(Object.values(await alertsItem.get())[0]).toMatchObject({ workspaceId: 'w2', reference: 'INC-3' });
    // Polled again with nothing new: the diff ran once per poll and raises nothing twice.
    await pollOtherWorkspaces(T0 + 120_000);
    expect(shownIds()).toHaveLength(1);

    vi.spyOn(fakeBrowser.sidePanel, 'open').mockResolvedValue(undefined);
    await openAlert(`w2/incident:${globexNew.id}:declared`, alertWorkspaces);
    expect(await apiKeyItem.get()).toBe('key-2');
    expect((await workspacesItem.get())?.activeId).toBe('w2');
    expect(await panelIntentItem.get()).toEqual({ kind: 'incident', ref: 'INC-3' });
  });

  it('reports a watched incident of an inactive workspace moving, and snoozes it in that workspace', async () => {
    const stored = (await workspacesItem.get())!;
    await workspacesItem.set({ ...stored, list: stored.list.map((w) => (w.id === 'w2' ? { ...w, stash: { watched: [globexOne.id], followups: {} } } : w)) });
    orgs['key-2']!.listAllIncidents.mockResolvedValue([globexOne]);
    await pollOtherWorkspaces(T0);
    orgs['key-2']!.listAllIncidents.mockResolvedValue([{ ...globexOne, incident_status: status.monitoring, updated_at: '2026-03-10T12:01:00Z' }]);
    await pollOtherWorkspaces(T0 + 60_000);
    const [id] = shownIds();
    expect(id).toMatch(/^w2\/incident:01HGLOBEX1:status-st-monitoring/);
    await snoozeFromAlert(id!, 0, T0 + 60_000, alertWorkspaces);
    // Not the active workspace's snoozes: Globex's own, read by its poll.
    expect(await snoozesItem.get()).toEqual({});
    expect((await workspacesItem.get())?.list.find((w) => w.id === 'w2')?.stash?.snoozes).toEqual({ [globexOne.id]: expect.any(Number) });
  });

  it('keeps each workspace’s baseline across a switch: a change made while it was inactive is still announced', async () => {
    orgs['key-1']!.listAllIncidents.mockResolvedValue([acmeOne]);
    await refreshOpenIncidents(() => T0);
    orgs['key-2']!.listAllIncidents.mockResolvedValue([globexOne]);
    await pollOtherWorkspaces(T0);
    orgs['key-2']!.listAllIncidents.mockResolvedValue([globexOne, globexNew]);
    await switchWorkspace('w2');
    await vi.waitFor(() => expect(shownIds()).toEqual([`w2/incident:${globexNew.id}:declared`]));
    // Acme's baseline waits under its id for its polls as an inactive workspace.
    expect((await workspaceBaselinesItem.get())[await acmeId()]?.map((i) => i.id)).toEqual([acmeOne.id]);
    expect(await pollBaselineItem.get()).not.toBeNull();
  });

  it('advances an inactive workspace’s follow-ups in its stash, with its own client', async () => {
    const ticket = {
      id: 'att-1', incident_id: globexOne.id,
      resource: { external_id: '77', permalink: 'https://globex.zendesk.com/agent/tickets/77', title: 'Zendesk #77', resource_type: 'zendesk_ticket' },
    };
    orgs['key-2']!.listAttachments.mockResolvedValue([ticket]);
    orgs['key-2']!.listAllIncidents.mockResolvedValue([globexOne]);
    await pollOtherWorkspaces(T0);
    orgs['key-2']!.listAllIncidents.mockResolvedValue([{ ...globexOne, incident_status: status.monitoring }]);
    await pollOtherWorkspaces(T0 + 60_000);
    const stash = (await workspacesItem.get())?.list.find((w) => w.id === 'w2')?.stash;
    expect(stash?.followups[globexOne.id]?.ended?.word).toBe('monitoring');
    expect(shownIds()).toContain(`w2/followup:${globexOne.id}:monitoring`);
    expect(orgs['key-1']!.listAttachments).not.toHaveBeenCalled();
    expect(await followupsItem.get()).toEqual({});
  });
});

describe('switching and removing the active workspace', () => {
  it('stashes snoozes and the declare draft, forgets viewed tickets, and restores them on the way back', async () => {
    const draft = { draft: { ...EMPTY_DECLARE_DRAFT, name: 'Acme draft' }, idempotencyKey: 'copilot-1' };
    await snoozesItem.set({ [acmeOne.id]: T0 + 3_600_000 });
    await declareDraftItem.set(draft);
    await viewedTicketsItem.set([{ url: 'https://acme.zendesk.com/agent/tickets/1', title: 't', subject: 's', text: 'x', viewedAt: 1 }]);
    await switchWorkspace('w2');
    expect(await snoozesItem.get()).toEqual({});
    expect(await declareDraftItem.get()).toBeNull();
    expect(await viewedTicketsItem.get()).toEqual([]);
    await switchWorkspace(await acmeId());
    expect(await snoozesItem.get()).toEqual({ [acmeOne.id]: T0 + 3_600_000 });
    expect(await declareDraftItem.get()).toEqual(draft);
  });

  it('removing a workspace forgets its list, its baseline and its alerts', async () => {
    orgs['key-2']!.listAllIncidents.mockResolvedValue([globexOne]);
    await pollOtherWorkspaces(T0);
    orgs['key-2']!.listAllIncidents.mockResolvedValue([globexOne, globexNew]);
    await pollOtherWorkspaces(T0 + 60_000);
    expect(shownIds()).toHaveLength(1);
    await workspaceHandlers['workspaces/remove']({ id: 'w2' }, { level: 'agent' } as CallContext);
    expect(await workspaceOpenItem.get()).toEqual({});
    expect(await workspaceBaselinesItem.get()).toEqual({});
    expect(await alertsItem.get()).toEqual({});
    expect(shownIds()).toEqual([]);
  });

  it('a list read halfway through a switch (the panel hears the connection change) waits for it to finish', async () => {
    let read: Promise<unknown> | undefined;
    const unwatch = connectionItem.watch(() => {
      read ??= workspaceHandlers['workspaces/list']({}, { level: 'agent' } as CallContext);
    });
    await switchWorkspace('w2');
    const { workspaces } = (await read) as { workspaces: { id: string; active: boolean }[] };
    unwatch();
    expect(workspaces.find((w) => w.active)?.id).toBe('w2');
    // The first workspace kept its own key (a reconcile mid-switch would have given it the second's).
    expect((await workspacesItem.get())?.list.map((w) => w.apiKey)).toEqual(['key-1', 'key-2']);
  });

  it('a poll in flight for a workspace removed meanwhile writes nothing back for it', async () => {
    let finish!: (incidents: Incident[]) => void;
    orgs['key-2']!.listAllIncidents.mockReturnValue(new Promise<Incident[]>((resolve) => { finish = resolve; }));
    const polling = pollOtherWorkspaces(T0);
    await vi.waitFor(() => expect(orgs['key-2']!.listAllIncidents).toHaveBeenCalled());
    await workspaceHandlers['workspaces/remove']({ id: 'w2' }, { level: 'agent' } as CallContext);
    finish([globexOne]);
    await polling;
    expect(await workspaceOpenItem.get()).toEqual({});
    expect(await workspaceBaselinesItem.get()).toEqual({});
  });

  it('a refresh in flight with the old key does not refill the caches after a switch', async () => {
    let finish!: (incidents: Incident[]) => void;
    orgs['key-1']!.listAllIncidents.mockReturnValue(new Promise<Incident[]>((resolve) => { finish = resolve; }));
    orgs['key-2']!.listAllIncidents.mockResolvedValue([globexOne]);
    const before = refreshOpenIncidents();
    await vi.waitFor(() => expect(orgs['key-1']!.listAllIncidents).toHaveBeenCalled());
    await switchWorkspace('w2');
    finish([acmeOne]);
    // The caller gets the new workspace's list, and the cache holds only that.
    expect((await before).incidents.map((i) => i.id)).toEqual([globexOne.id]);
    await vi.waitFor(async () => expect((await openIncidentsItem.get()).incidents.map((i) => i.id)).toEqual([globexOne.id]));
    expect(JSON.stringify(await pollBaselineItem.get())).not.toContain(acmeOne.id);
  });
});
