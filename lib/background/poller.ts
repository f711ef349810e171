import { browser } from '#imports';
import { AppError } from '@/lib/app-error';
import { type ErrorKind, IncidentIoError, toErrorInfo } from '@/lib/incident-io/errors';
import type { Incident, Severity } from '@/lib/incident-io/schemas';
import type { OpenIncidents } from '@/lib/messaging/protocol';
import { MIN_POLL_SECONDS } from '@/lib/settings';
import {
  apiKeyItem, catalogItem, openIncidentsItem, pollBaselineItem, type PollState, pollStateItem, settingsItem,
} from '@/lib/storage';
import { decideAlerts, raiseAlerts } from './alerts';
import { applyBadge, badgeFor, type BadgeState } from './badge';
import { getCatalog } from './catalog';
import { connectedClient, rateLimitState } from './client';
import { diffSnapshots } from './diff';
import { refreshIncidentLinks } from './incident-links';
import { refreshOpenIncidents } from './open-incidents';
import { activeSnoozes } from './snooze';
import { watchedIds } from './watch';

export const POLL_ALARM = 'poll';
/** Without Retry-After, 429s back off 1, 2, 4, 8 then 15 minutes. */
const MAX_BACKOFF_MS = 15 * 60_000;
/** A Retry-After beyond this is treated as a mistake rather than parking the badge for hours. */
const MAX_RETRY_AFTER_MS = 60 * 60_000;
/** Below this share of the rate-limit window left, scheduled polls wait for the reset. */
const LOW_BUDGET_FRACTION = 0.1;

const PROBLEM_FOR: Partial<Record<ErrorKind, NonNullable<PollState['problem']>['kind']>> = {
  unauthorized: 'key_rejected',
  network: 'unreachable',
  timeout: 'unreachable',
  server: 'unreachable',
};

export type PollOutcome = 'polled' | 'idle' | 'held' | 'failed';

/**
 * Call synchronously at background start-up: the alarm listener must exist before the event that
 * woke the worker is dispatched. Keeps the alarm's period in step with the setting.
 */
export function startPoller(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) void pollOnce();
  });
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
  try {
    await syncNow(now);
    return 'polled';
  } catch {
    return 'failed';
  }
}

/** Refresh now, whatever the back-off (the agent asked): cache, baseline, alerts and badge. */
export async function syncNow(now = Date.now()): Promise<OpenIncidents> {
  let snapshot: OpenIncidents;
  try {
    snapshot = await refreshOpenIncidents(() => now);
  } catch (error) {
    await recordFailure(error, now);
    await updateBadge();
    throw error;
  }
  await recordSuccess(now);
  await serially(() => compareAndAlert(snapshot.incidents, now));
  await updateBadge();
  // Links per open incident, once per refresh: ticket tabs, follow-ups and ticket counts read them.
  await refreshIncidentLinks(snapshot.incidents).catch(() => undefined);
  return snapshot;
}

/** The agent's own writes are not news to them: fold the result into the baseline before the next diff. */
export function acknowledge(incident: Incident): Promise<void> {
  return serially(async () => {
    const prev = await pollBaselineItem.get();
    if (prev) await pollBaselineItem.set([...prev.filter((known) => known.id !== incident.id), incident]);
  });
}

/** Two refreshes finishing together must not both compare against the same baseline. */
let comparing: Promise<unknown> = Promise.resolve();
function serially(task: () => Promise<void>): Promise<void> {
  const run = comparing.then(task);
  comparing = run.catch(() => undefined);
  return run;
}

async function compareAndAlert(open: Incident[], now: number): Promise<void> {
  const [prev, watched, settings, snoozes] = await Promise.all([
    pollBaselineItem.get(), watchedIds(), settingsItem.get(), activeSnoozes(now),
  ]);
  const openIds = new Set(open.map((incident) => incident.id));
  const departed = (prev ?? []).filter((incident) => watched.has(incident.id) && !openIds.has(incident.id));
  const { found, retry } = await fetchDeparted(departed);
  const diff = diffSnapshots(prev, [...open, ...found], watched);
  // Saved before notifying: a restarted worker compares against this, not the older list.
  await pollBaselineItem.set([...open, ...retry]);
  await raiseAlerts(decideAlerts(diff, { settings, snoozes, now }), now);
}

/**
 * Watched incidents that left the open list were resolved (or declined, merged…): fetch each once to
 * report how it ended. One that can't be fetched now stays in the baseline to be tried next poll.
 */
async function fetchDeparted(departed: Incident[]): Promise<{ found: Incident[]; retry: Incident[] }> {
  if (departed.length === 0) return { found: [], retry: [] };
  const client = await connectedClient();
  const results = await Promise.allSettled(departed.map((incident) => client.getIncident(incident.id)));
  const found: Incident[] = [];
  const retry: Incident[] = [];
  results.forEach((result, i) => {
    const before = departed[i];
    if (result.status === 'fulfilled') found.push(result.value);
    // Not found: deleted, or no longer visible to this key; there is nothing left to report.
    else if (before && errorKind(result.reason) !== 'not_found') retry.push(before);
  });
  return { found, retry };
}

function errorKind(error: unknown): ErrorKind {
  return error instanceof AppError ? error.info.kind : toErrorInfo(error).kind;
}

async function recordFailure(error: unknown, now: number): Promise<void> {
  const state = await pollStateItem.get();
  const kind = errorKind(error);
  if (kind === 'rate_limited') {
    const retryAfterMs = error instanceof IncidentIoError ? error.retryAfterMs : undefined;
    const wait = retryAfterMs === undefined
      ? Math.min(60_000 * 2 ** state.rateLimitedCount, MAX_BACKOFF_MS)
      : Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
    await pollStateItem.set({
      ...state, holdUntil: Math.max(state.holdUntil ?? 0, now + wait), rateLimitedCount: state.rateLimitedCount + 1,
    });
    return;
  }
  const problem = PROBLEM_FOR[kind];
  if (problem) await pollStateItem.set({ ...state, problem: { kind: problem, at: now } });
}

async function recordSuccess(now: number): Promise<void> {
  await pollStateItem.set({ ...(await pollStateItem.get()), holdUntil: null, rateLimitedCount: 0 });
  await noteRateBudget(now);
}

/**
 * When the last response left under 10 % of the window, hold scheduled polls until it resets. The
 * headers live in memory (client.ts); the hold is stored so a restarted worker keeps waiting.
 */
async function noteRateBudget(now: number): Promise<PollState> {
  const state = await pollStateItem.get();
  const { remaining, limit, resetAt } = rateLimitState;
  const low = remaining !== undefined && limit !== undefined && limit > 0 && remaining < limit * LOW_BUDGET_FRACTION;
  if (!low || resetAt === undefined || resetAt <= now || (state.holdUntil ?? 0) >= resetAt) return state;
  const held = { ...state, holdUntil: resetAt };
  await pollStateItem.set(held);
  return held;
}

export async function updateBadge(): Promise<void> {
  await applyBadge(badgeFor(await badgeState()));
}

async function badgeState(): Promise<BadgeState> {
  const [apiKey, { problem }, open] = await Promise.all([apiKeyItem.get(), pollStateItem.get(), openIncidentsItem.get()]);
  if (!apiKey) return { kind: 'not_configured' };
  // A failure counts until a later fetch succeeds, whoever made that fetch.
  if (problem && (open.fetchedAt === null || problem.at >= open.fetchedAt)) return { kind: problem.kind };
  if (open.fetchedAt === null) return { kind: 'waiting' };
  const severities = open.incidents.some((incident) => incident.severity) ? await orgSeverities() : [];
  return { kind: 'open', incidents: open.incidents, severities };
}

/** The org's severity ladder; a stale copy (or none) rather than no badge when it can't be loaded. */
async function orgSeverities(): Promise<Severity[]> {
  try {
    return (await getCatalog()).severities;
  } catch {
    return (await catalogItem.get())?.catalog.severities ?? [];
  }
}
