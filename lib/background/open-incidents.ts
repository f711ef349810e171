import { AppError } from '@/lib/app-error';
import { toErrorInfo } from '@/lib/incident-io/errors';
import type { Incident } from '@/lib/incident-io/schemas';
import type { OpenIncidents, OpenIncidentsReply } from '@/lib/messaging/protocol';
import { openIncidentsAreFresh, REVALIDATE_MIN_AGE_MS } from '@/lib/shared-cache';
import { openIncidentsItem } from '@/lib/storage';
import { connectedClient } from './client';
import { staleAfter } from './generation';
import { afterFailedRefresh, afterRefresh } from './refresh-effects';

/** Open = not yet resolved: triage, live (shown as Active) and paused. */
export const OPEN_CATEGORIES = ['triage', 'live', 'paused'] as const;

let inFlight: { started: number; done: Promise<OpenIncidents>; stale: () => boolean; fetched: () => boolean } | null = null;

/**
 * Fetches every open incident into the shared cache, then runs what every refresh does (poll state,
 * alert diff, badge, help-desk tabs: refresh-effects.ts), whoever asked. Concurrent callers share
 * one request, so any number of side panels, Copilot questions and help-desk tabs cost one list call
 * per refresh. `notBefore`: the answer must come from a request sent at or after that time (a
 * write just landed), so a request already in flight that started earlier is followed by a new one.
 */
export function refreshOpenIncidents(now: () => number = Date.now, notBefore?: number): Promise<OpenIncidents> {
  // Waits for an earlier request rather than racing it (whichever lands last writes the cache); one
  // whose list is already written is only running its effects, and need not be waited for.
  if (inFlight && notBefore !== undefined && inFlight.started < notBefore && !inFlight.fetched()) {
    const earlier = inFlight.done;
    return earlier.catch(() => undefined).then(() => refreshOpenIncidents(now, notBefore));
  }
  // One begun with another workspace's key answers nobody: its list is not this workspace's. One
  // whose list has arrived is running its effects (alerts, badge, tabs: seconds on a busy machine):
  // an ask now may come after a change in incident.io, so its answer must not be that older list.
  if (inFlight && !inFlight.stale() && !inFlight.fetched()) return inFlight.done;
  const started = now();
  const stale = staleAfter();
  let fetched = false;
  const done = (async () => {
    try {
      const before = (await openIncidentsItem.get()).incidents;
      let snapshot: OpenIncidents | null;
      try {
        snapshot = await fetchOpenIncidents(now, stale);
        fetched = true;
      } catch (error) {
        if (stale()) return refreshOpenIncidents(now);
        await afterFailedRefresh(error, now());
        throw error;
      }
      // The workspace changed while the list loaded: nothing was written; ask the new one.
      if (!snapshot) return refreshOpenIncidents(now);
      await afterRefresh(before, snapshot.incidents, now());
      return snapshot;
    } finally {
      if (inFlight?.stale === stale) inFlight = null;
    }
  })();
  inFlight = { started, done, stale, fetched: () => fetched };
  return done;
}

/** The list written to the shared cache, or null (nothing written) when `stale` says the workspace changed. */
async function fetchOpenIncidents(now: () => number, stale: () => boolean): Promise<OpenIncidents | null> {
  const client = await connectedClient();
  // Large orgs: readers see the first page (`complete: false`) while the rest load, then the
  // whole list. Only those two writes: every write is parsed and copied to every reader, so
  // publishing the growing list after each page would cost quadratic time in the org's size.
  let firstPage: Promise<void> | undefined;
  const incidents = await client.listAllIncidents({
    statusCategories: [...OPEN_CATEGORIES],
    pageSize: 250,
    onPage: (soFar) => {
      if (stale()) return;
      // A failed partial write only delays the rows until the whole list is written.
      firstPage ??= openIncidentsItem.set({ incidents: soFar, fetchedAt: now(), complete: false }).catch(() => undefined);
    },
  });
  await firstPage;
  if (stale()) return null;
  const snapshot = { incidents, fetchedAt: now(), complete: true };
  await openIncidentsItem.set(snapshot);
  return snapshot;
}

/** The cached list when it is younger than `maxAgeMs`, else a refresh. */
export async function readOpenIncidents(maxAgeMs: number, now: () => number = Date.now): Promise<OpenIncidents> {
  const cached = await openIncidentsItem.get();
  if (openIncidentsAreFresh(cached, maxAgeMs, now())) return cached;
  return refreshOpenIncidents(now);
}

/**
 * `incidents/open` without `revalidate`: the cached list at once (a stale one starts a refresh that
 * reaches the asker by `incidents/changed` or the storage watch); only a never-filled cache waits.
 */
export async function cachedOpenIncidents(maxAgeMs: number, now: () => number = Date.now): Promise<OpenIncidents> {
  const cached = await openIncidentsItem.get();
  if (cached.fetchedAt === null) return refreshOpenIncidents(now);
  if (!openIncidentsAreFresh(cached, maxAgeMs, now())) void refreshOpenIncidents(now).catch(() => undefined);
  return cached;
}

/**
 * `incidents/open` with `revalidate`: the list as incident.io has it now. Waits for the shared
 * refresh (joining one in flight; none when the cache is under 2 s old); when that fails, the cached
 * list as it is, with its `fetchedAt` and the error, so the asker can say how old it is.
 */
export async function revalidateOpenIncidents(now: () => number = Date.now): Promise<OpenIncidentsReply> {
  const cached = await openIncidentsItem.get();
  if (openIncidentsAreFresh(cached, REVALIDATE_MIN_AGE_MS, now())) return cached;
  try {
    return await refreshOpenIncidents(now);
  } catch (error) {
    const info = error instanceof AppError ? error.info : toErrorInfo(error);
    return { ...(await openIncidentsItem.get()), error: info };
  }
}

/** Help-desk pages are customer-facing: they only ever see public incidents. */
export const publicOnly = (incidents: Incident[]) => incidents.filter((incident) => incident.visibility === 'public');
