import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IncidentIoError } from '@/lib/incident-io/errors';
import type { Incident } from '@/lib/incident-io/schemas';
import { catalogItem, openIncidentsItem } from '@/lib/storage';
import { apiKeyItem } from './key-storage';
import { cachedOpenIncidents, FIRST_PAINT_HOLD_MS, noteOwnWrite, parsedOpenIncidents, readOpenIncidents, refreshOpenIncidents, revalidateOpenIncidents } from './open-incidents';
import { makeIncident, orgSeverities, status } from './test-fixtures';

const api = vi.hoisted(() => ({ listAllIncidents: vi.fn(), getIncident: vi.fn() }));
vi.mock('./client', () => ({
  connectedClient: vi.fn(async () => api),
  rateLimitState: {},
}));

const checkout = makeIncident(123, { name: 'Checkout failing' });
const search = makeIncident(124, { name: 'Search slow' });
const MIN = 60_000;

const openList = (...incidents: Incident[]) => api.listAllIncidents.mockResolvedValue(incidents);
const shown = () => Object.values(fakeBrowser.notifications.getAllCreateOptions()).map((n) => n.title);
const sentToTabs = vi.fn();

/** The next desktop notification hangs until `releaseAlert()` (a slow one on a busy machine). */
function holdNextAlert() {
  let release: () => void = () => undefined;
  const create = vi.spyOn(fakeBrowser.notifications, 'create').mockImplementationOnce(
    () => new Promise((resolve) => { release = () => resolve('alert'); }) as never);
  create.mockClear(); // the spy may carry an earlier test's calls
  return { create, releaseAlert: () => release() };
}

beforeEach(async () => {
  fakeBrowser.reset();
  api.listAllIncidents.mockReset();
  sentToTabs.mockReset();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ icons: { 128: 'icon/128.png' } } as never);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number, message: unknown) => sentToTabs(tabId, message));
  await apiKeyItem.set('test-key');
  await catalogItem.set({ catalog: { statuses: [], severities: orgSeverities, types: [] }, fetchedAt: Date.now() });
});

describe('every refresh runs the alert diff', () => {
  it('notifies a declared incident when a side-panel read (not the alarm) caused the refresh', async () => {
    openList(checkout);
    await refreshOpenIncidents();
    expect(shown()).toEqual([]);

    openList(checkout, search);
    await revalidateOpenIncidents(() => Date.now() + MIN);
    await vi.waitFor(() => expect(shown()).toEqual(['INC-124 declared']));

    // The same change seen by a later refresh is not announced again.
    await readOpenIncidents(0, () => Date.now() + 2 * MIN);
    expect(shown()).toEqual(['INC-124 declared']);
  });
});

describe('revalidate', () => {
  it('answers once the list is stored, without waiting for the badge and the alert diff', async () => {
    openList(checkout);
    let release: () => void = () => undefined;
    const badgeHeld = new Promise<void>((resolve) => { release = resolve; });
    const setBadgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockImplementation(() => badgeHeld);
    try {
      const answer = await revalidateOpenIncidents();
      expect(answer.incidents.map((i) => i.reference)).toEqual(['INC-123']);
      expect(shown()).toEqual([]); // the alert diff has not run yet
    } finally {
      release();
    }
    await vi.waitFor(() => expect(setBadgeText).toHaveBeenCalled());
    setBadgeText.mockRestore();
  });

  it('shares one request among everyone asking at the same moment, and none under 2 s after it', async () => {
    let release: (incidents: Incident[]) => void = () => undefined;
    api.listAllIncidents.mockImplementation(() => new Promise((resolve) => { release = resolve; }));
    const askers = Array.from({ length: 5 }, () => revalidateOpenIncidents());
    await vi.waitFor(() => expect(api.listAllIncidents).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));
    release([checkout]);
    expect((await Promise.all(askers)).map((a) => a.incidents.length)).toEqual([1, 1, 1, 1, 1]);
    expect(api.listAllIncidents).toHaveBeenCalledTimes(1);

    await revalidateOpenIncidents();
    expect(api.listAllIncidents).toHaveBeenCalledTimes(1);
    openList(search);
    expect((await revalidateOpenIncidents(() => Date.now() + 2_500)).incidents).toEqual([search]);
    expect(api.listAllIncidents).toHaveBeenCalledTimes(2);
  });

  it('an ask while a refresh runs its effects (its list already in) gets a new request, not that list', async () => {
    openList(checkout);
    await refreshOpenIncidents();
    // The next refresh's alert takes long (a slow desktop notification on a busy machine).
    const { create, releaseAlert } = holdNextAlert();
    openList(checkout, search);
    const first = refreshOpenIncidents(() => Date.now() + MIN);
    await vi.waitFor(() => expect(create).toHaveBeenCalled());
    // incident.io changes while that alert is still being shown, and a panel opens.
    const moved = { ...checkout, incident_status: status.monitoring };
    openList(moved, search);
    const asked = revalidateOpenIncidents(() => Date.now() + MIN + 2_500);
    await vi.waitFor(() => expect(api.listAllIncidents).toHaveBeenCalledTimes(3));
    releaseAlert();
    await first;
    expect((await asked).incidents.map((i) => i.incident_status.name)).toContain(status.monitoring.name);
  });

  it('answers the cached list with its age and the reason when incident.io cannot be reached', async () => {
    await openIncidentsItem.set({ incidents: [checkout], fetchedAt: 1_000, complete: true });
    api.listAllIncidents.mockRejectedValue(new IncidentIoError('network'));
    const answer = await revalidateOpenIncidents();
    expect(answer.incidents).toEqual([checkout]);
    expect(answer.fetchedAt).toBe(1_000);
    expect(answer.error?.kind).toBe('network');
  });

  it('without revalidate answers the cache at once, refreshing a stale one behind it', async () => {
    await openIncidentsItem.set({ incidents: [checkout], fetchedAt: Date.now() - 10 * MIN, complete: true });
    openList(search);
    expect((await cachedOpenIncidents(MIN)).incidents).toEqual([checkout]);
    await vi.waitFor(async () => expect((await openIncidentsItem.get()).incidents).toEqual([search]));
  });
});

describe('a cold side panel’s first rows', () => {
  /** Storage writes hang until `release()` (a write under page load takes tens of ms). */
  function holdWrites() {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const write = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    const spy = vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(async (items) => {
      await held;
      return write(items);
    });
    return { release: () => { release(); spy.mockRestore(); } };
  }

  it('come as soon as the list is parsed, before it is stored, from the readers’ one request', async () => {
    openList(checkout);
    const writes = holdWrites();
    try {
      const stored = revalidateOpenIncidents();
      const first = await parsedOpenIncidents();
      expect(first).toMatchObject({ complete: true, incidents: [checkout] });
      expect((await openIncidentsItem.get()).fetchedAt).toBeNull(); // not written yet
      writes.release();
      expect((await stored).incidents).toEqual([checkout]);
      expect(api.listAllIncidents).toHaveBeenCalledTimes(1);
    } finally {
      writes.release();
    }
    // Under 2 s later: the stored list, no request.
    expect((await parsedOpenIncidents()).incidents).toEqual([checkout]);
    expect(api.listAllIncidents).toHaveBeenCalledTimes(1);
  });

  it('hold the list’s write for the panel’s first frame; a refresh nobody asked first rows of writes at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      openList(checkout);
      const stored = revalidateOpenIncidents();
      expect((await parsedOpenIncidents()).incidents).toEqual([checkout]);
      await vi.advanceTimersByTimeAsync(FIRST_PAINT_HOLD_MS - 1);
      expect((await openIncidentsItem.get()).fetchedAt).toBeNull();
      await vi.advanceTimersByTimeAsync(1);
      expect((await stored).incidents).toEqual([checkout]);

      openList(search);
      const next = revalidateOpenIncidents(() => Date.now() + MIN);
      await vi.advanceTimersByTimeAsync(0);
      expect((await openIncidentsItem.get()).incidents).toEqual([search]);
      expect((await next).incidents).toEqual([search]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('of a large org are its first page, while the rest loads; a failed list fails them too', async () => {
    let finish: (incidents: Incident[]) => void = () => undefined;
    api.listAllIncidents.mockImplementation(({ onPage }: { onPage: (soFar: Incident[]) => void }) => {
      onPage([checkout]);
      return new Promise((resolve) => { finish = resolve; });
    });
    const first = await parsedOpenIncidents();
    expect(first).toMatchObject({ complete: false, incidents: [checkout] });
    finish([checkout, search]);
    await vi.waitFor(async () => expect((await openIncidentsItem.get()).incidents).toEqual([checkout, search]));

    api.listAllIncidents.mockRejectedValue(new IncidentIoError('network'));
    await expect(parsedOpenIncidents(() => Date.now() + MIN)).rejects.toBeInstanceOf(IncidentIoError);
  });
});

describe('after a write', () => {
  it('does not wait for an earlier refresh whose list is already written (only its effects run)', async () => {
    openList(checkout);
    await refreshOpenIncidents();
    const { create, releaseAlert } = holdNextAlert();
    openList(checkout, search);
    const earlier = refreshOpenIncidents(() => Date.now() + MIN);
    await vi.waitFor(() => expect(create).toHaveBeenCalled());
    openList(search);
    const afterWrite = refreshOpenIncidents(() => Date.now() + MIN + 1, Date.now() + MIN + 1);
    // The request after the write goes out while the earlier alert is still pending.
    await vi.waitFor(() => expect(api.listAllIncidents).toHaveBeenCalledTimes(3));
    releaseAlert();
    await earlier;
    expect((await afterWrite).incidents).toEqual([search]);
  });

  it('does not reuse a refresh that was sent before the write', async () => {
    let release: (incidents: Incident[]) => void = () => undefined;
    api.listAllIncidents.mockImplementationOnce(() => new Promise((resolve) => { release = resolve; }));
    const before = refreshOpenIncidents();
    await vi.waitFor(() => expect(api.listAllIncidents).toHaveBeenCalledTimes(1));
    const resolved = { ...checkout, incident_status: status.closed };
    openList(search);
    const afterWrite = refreshOpenIncidents(Date.now, Date.now() + 1);
    release([checkout, resolved]);
    await before;
    expect((await afterWrite).incidents).toEqual([search]);
    expect(api.listAllIncidents).toHaveBeenCalledTimes(2);
  });

  it('folds incident.io’s answer into the shared list at once: a resolved incident leaves it and the badge follows, before any list request', async () => {
    openList(checkout, search);
    await refreshOpenIncidents();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('2'));
    api.listAllIncidents.mockClear();
    await noteOwnWrite({ ...checkout, incident_status: status.closed });
    expect((await openIncidentsItem.get()).incidents).toEqual([search]);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'));
    expect(api.listAllIncidents).not.toHaveBeenCalled();
  });

  it('a list requested before the writes keeps their results when it lands after them', async () => {
    openList(checkout);
    await refreshOpenIncidents();
    let release: (incidents: Incident[]) => void = () => undefined;
    api.listAllIncidents.mockImplementationOnce(() => new Promise((resolve) => { release = resolve; }));
    const before = refreshOpenIncidents();
    await vi.waitFor(() => expect(api.listAllIncidents).toHaveBeenCalledTimes(2));
    const declared = makeIncident(140, { name: 'Declared from this browser' });
    await noteOwnWrite({ ...checkout, incident_status: status.closed });
    await noteOwnWrite(declared);
    expect((await openIncidentsItem.get()).incidents).toEqual([declared]);
    release([checkout]); // incident.io's list as it was before both writes
    await before;
    expect((await openIncidentsItem.get()).incidents).toEqual([declared]);
    // A list requested after the writes is taken as it is.
    openList(search);
    await refreshOpenIncidents();
    expect((await openIncidentsItem.get()).incidents).toEqual([search]);
  });
});

describe('help-desk tabs', () => {
  it('are told when the public list changed, not after a refresh that found nothing new', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://acme.zendesk.com/agent/tickets/1' });
    openList(checkout);
    await refreshOpenIncidents();
    expect(sentToTabs).toHaveBeenCalledWith(tab.id, { type: 'incidents/changed' });
    sentToTabs.mockClear();
    await refreshOpenIncidents();
    expect(sentToTabs).not.toHaveBeenCalled();
    openList(checkout, makeIncident(125, { visibility: 'private' }));
    await refreshOpenIncidents();
    expect(sentToTabs).not.toHaveBeenCalled();
    openList();
    await refreshOpenIncidents();
    expect(sentToTabs).toHaveBeenCalledWith(tab.id, { type: 'incidents/changed' });
  });
});
