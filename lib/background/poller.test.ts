import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/app-error';
import { IncidentIoError } from '@/lib/incident-io/errors';
import type { Incident } from '@/lib/incident-io/schemas';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { catalogItem, openIncidentsItem, pollBaselineItem, settingsItem } from '@/lib/storage';
import { apiKeyItem } from './key-storage';
import { rateLimitState } from './client';
import { readOpenIncidents } from './open-incidents';
import { POLL_ALARM, pollOnce, startPoller, syncNow } from './poller';
import { edited, makeIncident, orgSeverities, severity, status } from './test-fixtures';
import { watch } from './watch';

const api = vi.hoisted(() => ({ listAllIncidents: vi.fn(), getIncident: vi.fn() }));
vi.mock('./client', () => ({
  connectedClient: vi.fn(async () => api),
  rateLimitState: {} as { remaining?: number; limit?: number; resetAt?: number },
}));

const T0 = Date.parse('2026-03-10T12:00:00Z');
const MIN = 60_000;
const checkout = makeIncident(123, { name: 'Checkout failing', severity: severity.critical });
const search = makeIncident(124, { name: 'Search slow', severity: severity.minor });

const openList = (...incidents: Incident[]) => api.listAllIncidents.mockResolvedValue(incidents);
const shown = () => Object.values(fakeBrowser.notifications.getAllCreateOptions()).map((n) => n.title);
const badge = async () => ({
  text: await fakeBrowser.action.getBadgeText({}),
  title: await fakeBrowser.action.getTitle({}),
});
const idle = () => vi.mocked(fakeBrowser.idle.queryState);

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  api.listAllIncidents.mockReset();
  api.getIncident.mockReset();
  for (const key of Object.keys(rateLimitState)) delete rateLimitState[key as keyof typeof rateLimitState];
  // Typed as the callback overload in the fake; the promise form is what the poller uses.
  vi.spyOn(fakeBrowser.idle, 'queryState').mockResolvedValue('active' as never);
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ icons: { 128: 'icon/128.png' } } as never);
  await apiKeyItem.set('test-key');
  await catalogItem.set({ catalog: { statuses: [], severities: orgSeverities, types: [] }, fetchedAt: Date.now() });
});

describe('pollOnce: changes', () => {
  it('stays silent on the first poll, then announces a declared incident and updates the badge', async () => {
    openList(checkout);
    expect(await pollOnce(T0)).toBe('polled');
    expect(shown()).toEqual([]);
    expect(await badge()).toEqual({ text: '1', title: '1 open incident: INC-123 Checkout failing (Critical)' });

    openList(checkout, search);
    await pollOnce(T0 + MIN);
    expect(shown()).toEqual(['INC-124 declared (Minor)']);
    expect((await badge()).text).toBe('2');
  });

  it('announces a watched incident that was resolved, fetching it once after it leaves the open list', async () => {
    await watch(checkout.id);
    openList(checkout, search);
    await pollOnce(T0);
    openList(search);
    api.getIncident.mockResolvedValue(edited(checkout, { incident_status: status.closed }));
    await pollOnce(T0 + MIN);
    expect(api.getIncident).toHaveBeenCalledWith(checkout.id);
    expect(shown()).toEqual(['INC-123 is now Closed']);

    await pollOnce(T0 + 2 * MIN);
    expect(api.getIncident).toHaveBeenCalledTimes(1);
  });

  it('tries a resolved watched incident again next poll when fetching it failed', async () => {
    await watch(checkout.id);
    openList(checkout);
    await pollOnce(T0);
    openList();
    api.getIncident.mockRejectedValueOnce(new IncidentIoError('network'));
    await pollOnce(T0 + MIN);
    expect(shown()).toEqual([]);
    api.getIncident.mockResolvedValueOnce(edited(checkout, { incident_status: status.closed }));
    await pollOnce(T0 + 2 * MIN);
    expect(shown()).toEqual(['INC-123 is now Closed']);
  });

  it('raises nothing new after the worker restarts and sees the same data', async () => {
    await watch(checkout.id);
    openList(checkout);
    await pollOnce(T0);
    openList(edited(checkout, { incident_status: status.monitoring }));
    await pollOnce(T0 + MIN);
    expect(shown()).toEqual(['INC-123 is now Monitoring']);
    fakeBrowser.notifications.resetState();

    // A stopped worker loses every module variable; storage is all that is left.
    vi.resetModules();
    const restarted = await import('./poller');
    expect(await restarted.pollOnce(T0 + 2 * MIN)).toBe('polled');
    expect(shown()).toEqual([]);
    // …and it still compares against what it saw before the restart.
    openList(edited(checkout, { incident_status: status.monitoring }), search);
    await restarted.pollOnce(T0 + 3 * MIN);
    expect(shown()).toEqual(['INC-124 declared (Minor)']);
  });
});

describe('pollOnce: when not to poll', () => {
  it.each(['idle', 'locked'] as const)('skips while the agent is %s', async (state) => {
    idle().mockResolvedValue(state as never);
    expect(await pollOnce(T0)).toBe('idle');
    expect(api.listAllIncidents).not.toHaveBeenCalled();
    expect(idle()).toHaveBeenCalledWith(DEFAULT_SETTINGS.pollIntervalSeconds);
  });

  it('waits out Retry-After after a 429', async () => {
    api.listAllIncidents.mockRejectedValueOnce(new IncidentIoError('rate_limited', { retryAfterMs: 120_000 }));
    expect(await pollOnce(T0)).toBe('failed');
    openList(checkout);
    expect(await pollOnce(T0 + 119_000)).toBe('held');
    expect(api.listAllIncidents).toHaveBeenCalledTimes(1);
    expect(await pollOnce(T0 + 120_000)).toBe('polled');
  });

  it('still refreshes when the agent asks during a back-off', async () => {
    api.listAllIncidents.mockRejectedValueOnce(new IncidentIoError('rate_limited', { retryAfterMs: 120_000 }));
    await pollOnce(T0);
    openList(checkout);
    expect((await syncNow(T0 + 10_000)).incidents).toEqual([checkout]);
    // It got through, so the wait is over for the poller too.
    expect(await pollOnce(T0 + 11_000)).toBe('polled');
  });

  it('backs off 1, 2, 4… minutes without Retry-After, up to 15, and starts again at 1 after a success', async () => {
    api.listAllIncidents.mockRejectedValue(new IncidentIoError('rate_limited'));
    let now = T0;
    expect(await pollOnce(now)).toBe('failed');
    for (const minutes of [1, 2, 4, 8, 15, 15]) {
      expect(await pollOnce(now + minutes * MIN - 1)).toBe('held');
      now += minutes * MIN;
      expect(await pollOnce(now)).toBe('failed');
    }
    openList(checkout);
    now += 15 * MIN;
    expect(await pollOnce(now)).toBe('polled');
    api.listAllIncidents.mockRejectedValueOnce(new IncidentIoError('rate_limited'));
    expect(await pollOnce(now + MIN)).toBe('failed');
    expect(await pollOnce(now + 2 * MIN - 1)).toBe('held');
    expect(await pollOnce(now + 2 * MIN)).toBe('polled');
  });

  it('holds scheduled polls until the window resets when under 10 % of the rate limit is left, even across a restart', async () => {
    openList(checkout);
    api.listAllIncidents.mockImplementationOnce(async () => {
      Object.assign(rateLimitState, { limit: 1200, remaining: 100, resetAt: T0 + 45_000 });
      return [checkout];
    });
    expect(await pollOnce(T0)).toBe('polled');
    for (const key of Object.keys(rateLimitState)) delete rateLimitState[key as keyof typeof rateLimitState];
    expect(await pollOnce(T0 + 30_000)).toBe('held');
    expect(await pollOnce(T0 + 45_000)).toBe('polled');
  });

  it('notices a low budget left by requests the side panel made', async () => {
    Object.assign(rateLimitState, { limit: 1200, remaining: 119, resetAt: T0 + 20_000 });
    expect(await pollOnce(T0)).toBe('held');
    Object.assign(rateLimitState, { remaining: 120 });
    openList();
    expect(await pollOnce(T0 + 1)).toBe('held');
    expect(await pollOnce(T0 + 20_000)).toBe('polled');
  });
});

describe('badge after failures', () => {
  it('shows a rejected key until a later fetch succeeds', async () => {
    api.listAllIncidents.mockRejectedValueOnce(new IncidentIoError('unauthorized', { status: 401 }));
    await pollOnce(T0);
    expect(await badge()).toEqual({ text: '!', title: 'incident.io key rejected: open Settings' });
    openList(checkout);
    await pollOnce(T0 + MIN);
    expect((await badge()).text).toBe('1');
  });

  it('shows when incident.io is unreachable', async () => {
    api.listAllIncidents.mockRejectedValueOnce(new IncidentIoError('network'));
    await expect(syncNow(T0)).rejects.toThrow(IncidentIoError);
    expect(await badge()).toEqual({ text: '?', title: "Can't reach incident.io" });
  });

  it('tells the agent to connect when there is no key', async () => {
    await apiKeyItem.remove();
    api.listAllIncidents.mockRejectedValue(new AppError({ kind: 'not_configured', message: 'Connect first.' }));
    expect(await pollOnce(T0)).toBe('failed');
    expect((await badge()).title).toBe('Incident Copilot: connect your incident.io API key in Settings');
  });
});

describe('one shared list request', () => {
  it('serves five readers and the poller with a single list call', async () => {
    let release: (incidents: Incident[]) => void = () => undefined;
    api.listAllIncidents.mockImplementation(() => new Promise((resolve) => { release = resolve; }));
    const readers = Array.from({ length: 5 }, () => readOpenIncidents(DEFAULT_SETTINGS.pollIntervalSeconds * 1000));
    const poll = pollOnce();
    await vi.waitFor(() => expect(api.listAllIncidents).toHaveBeenCalled());
    // Give every caller time to reach the request before it answers.
    await new Promise((resolve) => setTimeout(resolve, 20));
    release([checkout]);
    const results = await Promise.all(readers);
    expect(await poll).toBe('polled');
    expect(results.every((r) => r.incidents.length === 1)).toBe(true);
    expect(api.listAllIncidents).toHaveBeenCalledTimes(1);

    await Promise.all(Array.from({ length: 5 }, () => readOpenIncidents(DEFAULT_SETTINGS.pollIntervalSeconds * 1000)));
    expect(api.listAllIncidents).toHaveBeenCalledTimes(1);
  });
});

describe('startPoller', () => {
  it('registers its alarm listener at once and schedules polls at the configured interval', async () => {
    startPoller();
    expect(fakeBrowser.alarms.onAlarm.hasListeners()).toBe(true);
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(POLL_ALARM))?.periodInMinutes).toBe(1));

    await settingsItem.set({ ...DEFAULT_SETTINGS, pollIntervalSeconds: 90 });
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(POLL_ALARM))?.periodInMinutes).toBe(1.5));
  });

  it('polls when the alarm fires and keeps the badge in step with any refresh', async () => {
    startPoller();
    openList(checkout);
    await fakeBrowser.alarms.onAlarm.trigger({ name: POLL_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
    await vi.waitFor(async () => expect(await pollBaselineItem.get()).toEqual([checkout]));
    expect(api.listAllIncidents).toHaveBeenCalledTimes(1);

    await openIncidentsItem.set({ incidents: [checkout, search], fetchedAt: Date.now(), complete: true });
    await vi.waitFor(async () => expect((await badge()).text).toBe('2'));
  });

  it('polls as the browser starts (empty session caches), without announcing what was already open', async () => {
    startPoller();
    openList(checkout, search);
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect((await badge()).text).toBe('2'));
    expect(api.listAllIncidents).toHaveBeenCalledTimes(1);
    expect((await openIncidentsItem.get()).incidents).toEqual([checkout, search]);
    expect(shown()).toEqual([]);
  });
});
