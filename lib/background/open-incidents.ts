import { AppError } from '@/lib/app-error';
import { toErrorInfo } from '@/lib/incident-io/errors';
import type { Incident } from '@/lib/incident-io/schemas';
import type { OpenIncidents, OpenIncidentsReply } from '@/lib/messaging/protocol';
import { openIncidentsAreFresh, REVALIDATE_MIN_AGE_MS } from '@/lib/shared-cache';
import { openIncidentsItem } from '@/lib/storage';
import { connectedClient } from './client';
import { staleAfter } from './generation';
import { afterFailedRefresh, afterOwnWritePatch, afterRefresh } from './refresh-effects';

/** Open = not yet resolved: triage, live (shown as Active) and paused. */
export const OPEN_CATEGORIES = ['triage', 'live', 'paused'] as const;

/**
 * One refresh: `parsed` once its first page is parsed (not yet stored), `listed` once its list is
 * in the shared cache, `done` once its effects have run too.
 */
interface Refresh {
  parsed: Promise<OpenIncidents>;
  listed: Promise<OpenIncidents>;
  done: Promise<OpenIncidents>;
}

let inFlight: (Refresh & { started: number; stale: () => boolean; fetched: () => boolean; paintsEarly: () => void }) | null = null;

/**
 * How long a refresh whose first rows a cold side panel asked for holds its list's write: the panel
 * paints them a frame or two after they reach it, and the write (its change event goes to every
 * listening page, a new document's first frame waits on the busy browser process) held that frame
 * back by 5–25 ms in the bench. Every other reader waits this much longer, once, on a cold open.
 */
export const FIRST_PAINT_HOLD_MS = 32;

/**
 * Fetches every open incident into the shared cache, then runs what every refresh does (poll state,
 * alert diff, badge, help-desk tabs: refresh-effects.ts), whoever asked; resolves once both are
 * done. Concurrent callers share one request, so any number of side panels, Copilot questions and
 * help-desk tabs cost one list call per refresh. `notBefore`: the answer must come from a request
 * sent at or after that time (a write just landed), so a request already in flight that started
 * earlier is followed by a new one.
 */
export function refreshOpenIncidents(now: () => number = Date.now, notBefore?: number): Promise<OpenIncidents> {
  return startRefresh(now, notBefore).done;
}

/**
 * The same shared refresh, answered as soon as its list is stored: a reader (a side panel's first
 * rows, a question) does not wait for the alert diff and the help-desk tabs, which then run on.
 */
export function refreshedList(now: () => number = Date.now): Promise<OpenIncidents> {
  return startRefresh(now).listed;
}

function startRefresh(now: () => number, notBefore?: number): Refresh {
  // Waits for an earlier request rather than racing it (whichever lands last writes the cache); one
  // whose list is already written is only running its effects, and need not be waited for.
  if (inFlight && notBefore !== undefined && inFlight.started < notBefore && !inFlight.fetched()) {
    const next = inFlight.done.catch(() => undefined).then(() => startRefresh(now, notBefore));
    return handled({ parsed: next.then((r) => r.parsed), listed: next.then((r) => r.listed), done: next.then((r) => r.done) });
  }
  // One begun with another workspace's key answers nobody: its list is not this workspace's. One
  // whose list has arrived is running its effects (alerts, badge, tabs: seconds on a busy machine):
  // an ask now may come after a change in incident.io, so its answer must not be that older list.
  if (inFlight && !inFlight.stale() && !inFlight.fetched()) return inFlight;
  const started = now();
  const stale = staleAfter();
  let fetched = false;
  let holdMs = 0;
  const list = deferred<OpenIncidents>();
  const parsed = deferred<OpenIncidents>();
  /** The workspace changed meanwhile: this refresh answers with the new workspace's. */
  const again = () => {
    const retry = startRefresh(now);
    parsed.resolve(retry.parsed);
    list.resolve(retry.listed);
    return retry.done;
  };
  const done = (async () => {
    try {
      // Read alongside the request, not before it (storage answers in order: it precedes the writes).
      const listedBefore = openIncidentsItem.get();
      listedBefore.catch(() => undefined);
      let snapshot: OpenIncidents | null;
      try {
        snapshot = await fetchOpenIncidents(now, stale, started, parsed.resolve, () => holdMs);
        fetched = true;
      } catch (error) {
        if (stale()) return again();
        await afterFailedRefresh(error, now());
        throw error;
      }
      // The workspace changed while the list loaded: nothing was written; ask the new one.
      if (!snapshot) return again();
      list.resolve(snapshot);
      await afterRefresh((await listedBefore).incidents, snapshot.incidents, now());
      return snapshot;
    } catch (error) {
      // No-ops once the list was handed out.
      parsed.reject(error);
      list.reject(error);
      throw error;
    } finally {
      if (inFlight?.stale === stale) inFlight = null;
    }
  })();
  const refresh = handled({ parsed: parsed.promise, listed: list.promise, done });
  inFlight = { ...refresh, started, stale, fetched: () => fetched, paintsEarly: () => { holdMs = FIRST_PAINT_HOLD_MS; } };
  return refresh;
}

/** A caller awaits one of the two (the failure reaches it); the other must not report an unhandled rejection. */
function handled(refresh: Refresh): Refresh {
  refresh.parsed.catch(() => undefined);
  refresh.listed.catch(() => undefined);
  refresh.done.catch(() => undefined);
  return refresh;
}

function deferred<T>() {
  let resolve: (value: T | Promise<T>) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

/**
 * The list written to the shared cache, or null (nothing written) when `stale` says the workspace
 * changed. `onParsed` hears the first page (or the whole list) before it is written; `holdMs`, read
 * then, is how long the first write waits after it.
 */
async function fetchOpenIncidents(
  now: () => number, stale: () => boolean, started: number, onParsed: (list: OpenIncidents) => void, holdMs: () => number,
): Promise<OpenIncidents | null> {
  const client = await connectedClient();
  // Large orgs: readers see the first page (`complete: false`) while the rest load, then the
  // whole list. Only those two writes: every write is parsed and copied to every reader, so
  // publishing the growing list after each page would cost quadratic time in the org's size.
  let firstPage: Promise<unknown> | undefined;
  // At least one task: the first rows (answered from `onParsed`) leave before the write, which
  // holds the browser process for tens of ms while a page loads.
  let held: Promise<unknown> | undefined;
  const hold = () => (held ??= new Promise((resolve) => setTimeout(resolve, holdMs())));
  const incidents = await client.listAllIncidents({
    statusCategories: [...OPEN_CATEGORIES],
    pageSize: 250,
    onPage: (soFar) => {
      if (stale()) return;
      onParsed({ incidents: withOwnWrites(soFar, started), fetchedAt: now(), complete: false });
      // A failed partial write only delays the rows until the whole list is written.
      firstPage ??= hold().then(() => writeList(() => (stale() ? null : { incidents: withOwnWrites(soFar, started), fetchedAt: now(), complete: false }))).catch(() => undefined);
    },
  });
  if (!stale()) onParsed({ incidents: withOwnWrites(incidents, started), fetchedAt: now(), complete: true });
  await hold();
  await firstPage;
  // Checked again when its turn to write comes: a switch may land while a patch is being written.
  const snapshot = await writeList(() => (stale() ? null : { incidents: withOwnWrites(incidents, started), fetchedAt: now(), complete: true }));
  if (snapshot) forgetOwnWritesBefore(started);
  return snapshot;
}

// --- writes from this browser -------------------------------------------------------------------

/**
 * What this browser wrote (declared, re-statused), by incident id, with when. incident.io's answer
 * to a write is the incident as it is now: a list requested before the write is older, so the
 * write's result replaces its copy (or removes it, once closed; or adds a new one).
 */
const ownWrites = new Map<string, { incident: Incident; at: number }>();

const isOpen = (incident: Incident) => (OPEN_CATEGORIES as readonly string[]).includes(incident.incident_status.category);

/** `incidents` with every own write made at or after `since` applied, in the list's order (new ones first). */
export function withOwnWrites(incidents: Incident[], since: number): Incident[] {
  const written = new Map([...ownWrites.values()].filter((w) => w.at >= since).map((w) => [w.incident.id, w.incident]));
  if (written.size === 0) return incidents;
  const listed = incidents.flatMap((incident) => {
    const mine = written.get(incident.id);
    if (!mine) return [incident];
    written.delete(incident.id);
    return isOpen(mine) ? [mine] : [];
  });
  return [...[...written.values()].filter(isOpen), ...listed];
}

/** A list requested after these writes already has them. */
function forgetOwnWritesBefore(started: number): void {
  for (const [id, write] of ownWrites) if (write.at < started) ownWrites.delete(id);
}

/**
 * Writes of the shared list, one at a time: a write's result folded into the list (read, patched,
 * written) never interleaves with a refresh writing the list it fetched.
 */
let writing: Promise<unknown> = Promise.resolve();
function writeList(next: () => OpenIncidents | Promise<OpenIncidents | null> | null): Promise<OpenIncidents | null> {
  const run = writing.then(async () => {
    const value = await next();
    if (value) await openIncidentsItem.set(value);
    return value;
  });
  writing = run.catch(() => undefined);
  return run;
}

/**
 * After a write from this browser: the shared list, and so every side panel, the badge and the
 * help-desk strips, show incident.io's answer at once, before the refresh that follows confirms
 * the rest of the list. Resolves once the list is written (the badge and tabs follow on).
 */
export async function noteOwnWrite(incident: Incident, now: () => number = Date.now): Promise<void> {
  const at = now();
  ownWrites.set(incident.id, { incident, at });
  const stale = staleAfter();
  let before: Incident[] = [];
  const written = await writeList(async () => {
    const cached = await openIncidentsItem.get();
    // Nothing listed yet (the refresh fills it), or another workspace is active now.
    if (cached.fetchedAt === null || stale()) return null;
    before = cached.incidents;
    return { ...cached, incidents: withOwnWrites(cached.incidents, at) };
  });
  if (written) void afterOwnWritePatch(before, written.incidents).catch(() => undefined);
}

/** The cached list when it is younger than `maxAgeMs`, else a refresh. */
export async function readOpenIncidents(maxAgeMs: number, now: () => number = Date.now): Promise<OpenIncidents> {
  const cached = await openIncidentsItem.get();
  if (openIncidentsAreFresh(cached, maxAgeMs, now())) return cached;
  return refreshedList(now);
}

/**
 * `incidents/open` without `revalidate`: the cached list at once (a stale one starts a refresh that
 * reaches the asker by `incidents/changed` or the storage watch); only a never-filled cache waits.
 */
export async function cachedOpenIncidents(maxAgeMs: number, now: () => number = Date.now): Promise<OpenIncidents> {
  const cached = await openIncidentsItem.get();
  if (cached.fetchedAt === null) return refreshedList(now);
  if (!openIncidentsAreFresh(cached, maxAgeMs, now())) void refreshOpenIncidents(now).catch(() => undefined);
  return cached;
}

/**
 * A cold side panel's first rows: the shared cache when it is under 2 s old, else the shared
 * refresh's first page as soon as it is parsed, before the storage write and its change event
 * (tens of ms while the panel loads) that every other reader waits for.
 */
export async function parsedOpenIncidents(now: () => number = Date.now): Promise<OpenIncidents> {
  const cached = await openIncidentsItem.get();
  if (openIncidentsAreFresh(cached, REVALIDATE_MIN_AGE_MS, now())) return cached;
  const refresh = startRefresh(now);
  inFlight?.paintsEarly();
  return refresh.parsed;
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
    return await refreshedList(now);
  } catch (error) {
    const info = error instanceof AppError ? error.info : toErrorInfo(error);
    return { ...(await openIncidentsItem.get()), error: info };
  }
}

/** Help-desk pages are customer-facing: they only ever see public incidents. */
export const publicOnly = (incidents: Incident[]) => incidents.filter((incident) => incident.visibility === 'public');
