import { browser } from '#imports';
import type { OpenIncidents } from '@/lib/messaging/protocol';
import { MIN_POLL_SECONDS } from '@/lib/settings';
import { openIncidentsItem, settingsItem } from '@/lib/storage';
import { refreshIncidentLinks } from './incident-links';
import { refreshOpenIncidents } from './open-incidents';
import { noteRateBudget, updateBadge } from './refresh-effects';
import { pollOtherWorkspaces } from './workspaces';

export { acknowledge, updateBadge } from './refresh-effects';

export const POLL_ALARM = 'poll';

export type PollOutcome = 'polled' | 'idle' | 'held' | 'failed';

/**
 * Call synchronously at background start-up: the alarm listener must exist before the event that
 * woke the worker is dispatched. Keeps the alarm's period in step with the setting.
 */
export function startPoller(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) void pollOnce();
  });
  // A browser start leaves the session caches empty: refresh now, not at the alarm's next tick (up
  // to a poll interval away), so the badge and the first side panel open are current. Silent, as
  // every first poll without a baseline is.
  browser.runtime.onStartup.addListener(() => void pollOnce());
  settingsItem.watch((settings) => void ensurePollAlarm(settings.pollIntervalSeconds));
  // Any refresh (side panel, help-desk tab, after a write) moves the count, not just the poller's.
  openIncidentsItem.watch(() => void updateBadge());
  void settingsItem.get().then((settings) => ensurePollAlarm(settings.pollIntervalSeconds));
  void updateBadge();
}

export async function ensurePollAlarm(intervalSeconds: number): Promise<void> {
  const periodInMinutes = Math.max(MIN_POLL_SECONDS, intervalSeconds) / 60;
  const existing = await browser.alarms.get(POLL_ALARM);
  // Re-creating restarts the countdown, so a worker waking up leaves a matching alarm alone.
  if (existing?.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(POLL_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
}

/**
 * The alarm's tick. Skips while the agent is away (idle or locked) and while backing off; otherwise
 * refreshes the shared cache, then badge and notifications. Never throws: failures show on the badge.
 */
export async function pollOnce(now = Date.now()): Promise<PollOutcome> {
  const { pollIntervalSeconds } = await settingsItem.get();
  if ((await browser.idle.queryState(pollIntervalSeconds)) !== 'active') return 'idle';
  const { holdUntil } = await noteRateBudget(now);
  if (holdUntil !== null && holdUntil > now) return 'held';
  // The other workspaces' counts (the badge's sum), one list call each per tick whatever the tabs.
  void pollOtherWorkspaces(now).catch(() => undefined);
  try {
    await syncNow(now);
    return 'polled';
  } catch {
    return 'failed';
  }
}

/**
 * Refresh now, whatever the back-off (the agent asked): the shared single-flight refresh, which
 * also runs the alert diff and the badge (refresh-effects.ts), as every refresh does.
 */
export async function syncNow(now = Date.now()): Promise<OpenIncidents> {
  const snapshot = await refreshOpenIncidents(() => now);
  // Links per open incident, once per poll: ticket tabs, follow-ups and ticket counts read them.
  await refreshIncidentLinks(snapshot.incidents).catch(() => undefined);
  return snapshot;
}
