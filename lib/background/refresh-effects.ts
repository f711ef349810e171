import { AppError } from '@/lib/app-error';
import { type ErrorKind, IncidentIoError, toErrorInfo } from '@/lib/incident-io/errors';
import type { Incident, Severity } from '@/lib/incident-io/schemas';
import {
  catalogItem, openIncidentsItem, pollBaselineItem, type PollState, pollStateItem, settingsItem,
} from '@/lib/storage';
import { apiKeyItem, workspacesItem } from './key-storage';
import { decideAlerts, raiseAlerts } from './alerts';
import { applyBadge, badgeFor, type BadgeState } from './badge';
import { getCatalog } from './catalog';
import { connectedClient, type IncidentIoClient, rateLimitState } from './client';
import { diffSnapshots } from './diff';
import { notifyHelpdeskTabs } from './helpdesk-tab';
import { activeSnoozes } from './snooze';
import { watchedIds } from './watch';
import { workspaceCounts } from './workspaces';

/**
 * What every refresh of the shared open-incident cache does after it, whoever caused it (the alarm,
 * a side panel, Ask Copilot, a help-desk tab, a write): poll state, the alert diff against the
 * baseline (once per refresh), the badge, and a nudge to help-desk tabs when what they show changed.
 */

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

export async function afterRefresh(before: Incident[], after: Incident[], now: number): Promise<void> {
  await recordSuccess(now);
  // The badge first: it reads only the list just stored, and the alert diff may wait its turn.
  await updateBadge();
  await serially(() => compareAndAlert(after, now));
  await tabsFollow(before, after);
}

/** An own write folded into the list: the badge and the help-desk tabs follow (no alert: the agent made it). */
export async function afterOwnWritePatch(before: Incident[], after: Incident[]): Promise<void> {
  await updateBadge();
  await tabsFollow(before, after);
}

/** Help-desk tabs re-read when what they show of the list changed. */
async function tabsFollow(before: Incident[], after: Incident[]): Promise<void> {
  if (publicView(before) !== publicView(after)) await notifyHelpdeskTabs();
}

export async function afterFailedRefresh(error: unknown, now: number): Promise<void> {
  await recordFailure(error, now);
  await updateBadge();
}

/** What a help-desk tab shows of the list: public incidents, their status, severity and last change. */
const publicView = (incidents: Incident[]) => JSON.stringify(incidents
  .filter((incident) => incident.visibility === 'public')
  .map((i) => [i.id, i.updated_at, i.incident_status.id, i.severity?.id ?? null, i.name]));

/** The agent's own writes are not news to them: fold the result into the baseline before the next diff. */
export function acknowledge(incident: Incident): Promise<void> {
  return serially(async () => {
    const prev = await pollBaselineItem.get();
    if (prev) await pollBaselineItem.set([...prev.filter((known) => known.id !== incident.id), incident]);
  });
}

/**
 * Two refreshes finishing together must not both compare against the same baseline. Every baseline
 * (the active workspace's and the inactive ones', see workspaces.ts) is read and written in this order.
 */
let comparing: Promise<unknown> = Promise.resolve();
export function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = comparing.then(task);
  comparing = run.catch(() => undefined);
  return run;
}

async function compareAndAlert(open: Incident[], now: number): Promise<void> {
  const [prev, watched, snoozes, workspaces] = await Promise.all([
    pollBaselineItem.get(), watchedIds(), activeSnoozes(now), workspacesItem.get(),
  ]);
  await alertOnChanges({
    workspaceId: workspaces?.activeId ?? null, prev, open, watched, snoozes, now,
    client: connectedClient,
    // Saved before notifying: a restarted worker compares against this, not the older list.
    save: (baseline) => pollBaselineItem.set(baseline),
  });
}

/** One workspace's side of the alert diff: its baseline, watches, snoozes and client. */
export interface AlertScope {
  /** Namespaces the notification ids, so a click knows whose incident it names. Null: none stored yet. */
  workspaceId: string | null;
  prev: Incident[] | null;
  open: Incident[];
  watched: ReadonlySet<string>;
  snoozes: Record<string, number>;
  now: number;
  client: () => Promise<IncidentIoClient>;
  save: (baseline: Incident[]) => Promise<void>;
}

/** The alert diff of one workspace's fresh open list against its baseline (call inside `serially`). */
export async function alertOnChanges({ workspaceId, prev, open, watched, snoozes, now, client, save }: AlertScope): Promise<void> {
  const settings = await settingsItem.get();
  const openIds = new Set(open.map((incident) => incident.id));
  const departed = (prev ?? []).filter((incident) => watched.has(incident.id) && !openIds.has(incident.id));
  const { found, retry } = await fetchDeparted(departed, client);
  const diff = diffSnapshots(prev, [...open, ...found], watched);
  await save([...open, ...retry]);
  await raiseAlerts(decideAlerts(diff, { settings, snoozes, now, workspaceId }), now);
}

/**
 * Watched incidents that left the open list were resolved (or declined, merged…): fetch each once to
 * report how it ended. One that can't be fetched now stays in the baseline to be tried next poll.
 */
async function fetchDeparted(departed: Incident[], connect: () => Promise<IncidentIoClient>): Promise<{ found: Incident[]; retry: Incident[] }> {
  if (departed.length === 0) return { found: [], retry: [] };
  const client = await connect();
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
export async function noteRateBudget(now: number): Promise<PollState> {
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
  return { kind: 'open', incidents: open.incidents, severities, workspaces: await workspaceCounts() };
}

/** The org's severity ladder; a stale copy (or none) rather than no badge when it can't be loaded. */
async function orgSeverities(): Promise<Severity[]> {
  try {
    return (await getCatalog()).severities;
  } catch {
    return (await catalogItem.get())?.catalog.severities ?? [];
  }
}
