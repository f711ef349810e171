import { browser } from '#imports';
import { IncidentIoError } from '@/lib/incident-io/errors';
import type { Incident, IncidentAttachment } from '@/lib/incident-io/schemas';
import { followupsItem, type IncidentLinks, incidentLinksItem } from '@/lib/storage';
import { workspacesItem } from './key-storage';
import { connectedClient, type IncidentIoClient } from './client';
import { staleAfter } from './generation';
import { notifyHelpdeskTabs } from './helpdesk-tab';
import { followedIds, type FollowupEvent, type Followups, notificationText, observe } from './followups';

/**
 * Attachments per incident, read once per poll for every open incident (and the ended ones still
 * followed up), never per ticket: every help-desk tab's links, the follow-up queue and the ticket
 * counts are answered from this one store, so requests grow with open incidents, not with tabs.
 */

/** Parallel attachment reads per refresh: quick for a normal day, gentle on the key's rate budget. */
const CONCURRENCY = 4;

let inFlight: { done: Promise<IncidentLinks>; stale: () => boolean } | null = null;

/**
 * Re-reads the links of `open` (the list the poll just fetched) and of followed incidents, then
 * advances the follow-up queue. Concurrent callers share one refresh. An incident whose read fails
 * keeps its previous links.
 */
export function refreshIncidentLinks(open: Incident[], now: () => number = Date.now): Promise<IncidentLinks> {
  // One begun with another workspace's key answers nobody: its links are not this workspace's.
  if (inFlight && !inFlight.stale()) return inFlight.done;
  const stale = staleAfter();
  const done = (async () => {
    try {
      const client = await connectedClient();
      const [previous, followups, workspaces] = await Promise.all([incidentLinksItem.get(), followupsItem.get(), workspacesItem.get()]);
      const { ids, lists, seen, gone } = await readLinks(client, open, followups, now());
      const byIncident: Record<string, IncidentAttachment[]> = {};
      ids.forEach((id, i) => {
        const list = lists[i];
        const kept = list === undefined ? previous.byIncident[id] : list;
        if (kept) byIncident[id] = kept;
      });
      const links: IncidentLinks = { byIncident, fetchedAt: now() };
      // Read with the key of a workspace no longer active: its links are not this one's.
      if (stale()) return previous;
      await incidentLinksItem.set(links);
      // Help-desk tabs re-read only when a link they could show came or went.
      if (previous.fetchedAt !== null && linkKeys(previous) !== linkKeys(links)) void notifyHelpdeskTabs();
      const events = await updateFollowups((initial) => (stale() ? { state: initial, result: [] } : advance(initial, seen, gone, now())));
      await notifyFollowups(events, workspaces?.activeId ?? null);
      return links;
    } finally {
      if (inFlight?.stale === stale) inFlight = null;
    }
  })();
  inFlight = { done, stale };
  return done;
}

/**
 * One workspace's reads for a poll: the links of its open incidents and of followed ones, and, for
 * each followed incident that left the open list, how it ended (read once).
 */
async function readLinks(client: IncidentIoClient, open: Incident[], followups: Followups, now: number) {
  const openIds = new Set(open.map((incident) => incident.id));
  const followed = followedIds(followups, openIds, now);
  const gone: string[] = [];
  const ids = [...openIds, ...followed];
  const [lists, departed] = await Promise.all([
    mapLimited(ids, (id) => client.listAttachments({ incidentId: id })),
    mapLimited(followed, (id) => client.getIncident(id).catch((error: unknown) => {
      // Deleted, or no longer visible to this key: nothing left to follow up.
      if (error instanceof IncidentIoError && error.kind === 'not_found') gone.push(id);
      throw error;
    })),
  ]);
  const seen = [...open, ...departed.filter((incident): incident is Incident => incident !== undefined)]
    .map((incident) => ({ incident, attachments: lists[ids.indexOf(incident.id)] }));
  return { ids, lists, seen, gone };
}

/**
 * An inactive workspace's follow-ups (issue 12 §4), advanced by its own poll with its own client:
 * the new queue (the caller stores it in the workspace's stash) and the notifications it raised.
 */
export async function advanceWorkspaceFollowups(
  client: IncidentIoClient, open: Incident[], followups: Followups, workspaceId: string, now: number,
): Promise<Followups> {
  const { seen, gone } = await readLinks(client, open, followups, now);
  const { state, result } = advance(followups, seen, gone, now);
  await notifyFollowups(result, workspaceId);
  return state;
}

/** The links of one ticket from the per-incident store, refreshed (shared) when older than `maxAgeMs`. */
export async function linksForTicket(
  externalId: string, maxAgeMs: number, readOpen: () => Promise<Incident[]>, now: () => number = Date.now,
): Promise<IncidentAttachment[]> {
  let links = await incidentLinksItem.get();
  if (links.fetchedAt === null || now() - links.fetchedAt >= maxAgeMs) links = await refreshIncidentLinks(await readOpen(), now);
  return Object.values(links.byIncident).flat().filter((attachment) => attachment.resource.external_id === externalId);
}

/**
 * After a link or unlink from this browser: re-read that incident's links at once (so every view,
 * the counts included, shows the change without waiting for a poll) and return them.
 */
export async function relistIncident(incidentId: string, client?: IncidentIoClient): Promise<IncidentAttachment[]> {
  const stale = staleAfter();
  const attachments = await (client ?? (await connectedClient())).listAttachments({ incidentId });
  if (stale()) return attachments;
  const links = await incidentLinksItem.get();
  await incidentLinksItem.set({ ...links, byIncident: { ...links.byIncident, [incidentId]: attachments } });
  return attachments;
}

const linkKeys = (links: IncidentLinks) => JSON.stringify(Object.values(links.byIncident).flat().map((a) => a.id).sort());

/** Serialised: a poll and a "Mark done" writing together must not lose either change. */
let writing: Promise<unknown> = Promise.resolve();
export function updateFollowups<T>(change: (state: Followups) => { state: Followups; result: T }): Promise<T> {
  const run = writing.then(async () => {
    const { state, result } = change(await followupsItem.get());
    await followupsItem.set(state);
    return result;
  });
  writing = run.catch(() => undefined);
  return run;
}

type Seen = Array<{ incident: Incident; attachments: IncidentAttachment[] | undefined }>;

function advance(initial: Followups, seen: Seen, gone: string[], now: number): { state: Followups; result: FollowupEvent[] } {
  let state = Object.fromEntries(Object.entries(initial).filter(([id]) => !gone.includes(id)));
  const raised: FollowupEvent[] = [];
  for (const { incident, attachments } of seen) {
    const step = observe(state, incident, attachments, now);
    state = step.state;
    if (step.event) raised.push(step.event);
  }
  return { state, result: raised };
}

/** Notification ids carry the workspace, like alerts': the same incident id never names two. */
async function notifyFollowups(events: FollowupEvent[], workspaceId: string | null) {
  const prefix = workspaceId ? `${workspaceId}/` : '';
  // allSettled: notifications turned off for Chrome must not fail the poll.
  await Promise.allSettled(events.map((event) => browser.notifications.create(`${prefix}followup:${event.incidentId}:${event.word}`, {
    type: 'basic', iconUrl: '/icon/128.png', ...notificationText(event),
  })));
}

async function mapLimited<T, R>(items: T[], task: (item: T) => Promise<R>): Promise<Array<R | undefined>> {
  const results: Array<R | undefined> = Array.from({ length: items.length });
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = await task(items[i]!);
      } catch {
        results[i] = undefined;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return results;
}
