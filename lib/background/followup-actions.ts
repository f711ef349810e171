import { AppError } from '@/lib/app-error';
import type { CallContext } from '@/lib/messaging/handle';
import { followupsItem } from '@/lib/storage';
import { latestUpdate } from './incident-card';
import { customerResolutionText, customerStatusPageText } from '@/lib/helpdesk/status-snippet';
import type { Incident, IncidentUpdate } from '@/lib/incident-io/schemas';
import { statusPageWording, type WordingOptions } from './status-page-wording';
import { connectedClient } from './client';
import { followupQueue, type FollowupTicket, markDone } from './followups';
import { askTab, readTicketTab } from './helpdesk-tab';
import { updateFollowups } from './incident-links';
import { type InsertOutcome, NOT_A_HELPDESK_TAB } from './reply-insert';

export const followupDone = (incidentId: string, externalId: string, now = Date.now()) =>
  updateFollowups((state) => ({ state: markDone(state, incidentId, externalId, now), result: undefined }));

/**
 * Types the resolution update into the follow-up's ticket (the tab must show that ticket) and marks
 * the follow-up done once the editor took the text.
 */
export async function insertResolutionUpdate(incidentId: string, externalId: string, tabId: number): Promise<InsertOutcome> {
  const client = await connectedClient();
  const [incident, updates, read] = await Promise.all([
    client.getIncident(incidentId), client.listIncidentUpdates(incidentId), readTicketTab(tabId),
  ]);
  const text = await resolutionTextOf(incident, updates);
  if (!text) {
    throw new AppError({
      kind: 'not_allowed',
      message: `${incident.reference} is private or a test incident, so there is no update to share with customers. Use Mark done.`,
    });
  }
  if (!read) return { inserted: false, text, reason: NOT_A_HELPDESK_TAB };
  if (read.ticket?.attachment.externalId !== externalId) {
    return { inserted: false, text, reason: 'Open this ticket in the active tab first.' };
  }
  const reply = await askTab(tabId, { type: 'reply/insert', text });
  if (!reply) return { inserted: false, text, reason: NOT_A_HELPDESK_TAB };
  if (!reply.ok) return { inserted: false, text, reason: reply.reason };
  await followupDone(incidentId, externalId);
  return { inserted: true, text, method: reply.method };
}

/** Same ticket: same origin and path (a desk's query or hash, e.g. a selected message, doesn't matter). */
export function sameTicketUrl(tabUrl: string | undefined, ticketUrl: string): boolean {
  if (!tabUrl) return false;
  try {
    const [a, b] = [new URL(tabUrl), new URL(ticketUrl)];
    return a.origin === b.origin && a.pathname.replace(/\/+$/, '') === b.pathname.replace(/\/+$/, '');
  } catch {
    return false;
  }
}

/** A help-desk caller asks only about the ticket its page shows (judged on the browser-stamped URL). */
function callerShows(url: string, ctx: CallContext): boolean {
  return ctx.level === 'agent' || sameTicketUrl(ctx.tabUrl, url);
}

/**
 * The status page's own resolution words once its status page incident says resolved; until then the
 * template (a page still saying "identified" would tell the customer it is broken after all).
 */
export async function resolutionTextOf(incident: Incident, updates: readonly IncidentUpdate[], options?: WordingOptions): Promise<string | null> {
  const page = await statusPageWording(incident, options);
  return page?.status === 'resolved' ? customerStatusPageText(incident, page) : customerResolutionText(incident, latestUpdate(updates)?.created_at);
}

/** Texts made in the last half minute: a ticket page asks on load, focus and each pushed change. */
const TEXT_TTL_MS = 30_000;
const texts = new Map<string, { at: number; text: Promise<string | null> }>();
function resolutionText(incidentId: string, options: WordingOptions, now = Date.now()): Promise<string | null> {
  const cached = texts.get(incidentId);
  if (cached && now - cached.at < TEXT_TTL_MS) return cached.text;
  const text = (async () => {
    const client = await connectedClient();
    const [incident, updates] = await Promise.all([client.getIncident(incidentId), client.listIncidentUpdates(incidentId)]);
    return resolutionTextOf(incident, updates, options);
  })();
  texts.set(incidentId, { at: now, text });
  text.catch(() => texts.delete(incidentId));
  return text;
}

/** The ticket's pending follow-ups of public incidents, each with its resolution text. */
export async function followupsForTicket(externalId: string, ctx: CallContext, options: WordingOptions = {}) {
  const pending = followupQueue(await followupsItem.get())
    .map((entry) => ({ entry, ticket: entry.pending.find((t) => t.externalId === externalId) }))
    .filter((found): found is { entry: (typeof found)['entry']; ticket: FollowupTicket } => found.ticket !== undefined)
    .slice(0, 20);
  if (pending.length === 0 || !callerShows(pending[0]!.ticket.url, ctx)) return [];
  const texts = await Promise.all(pending.map(({ entry }) => resolutionText(entry.incidentId, options)));
  return pending.flatMap(({ entry }, i) => {
    const customerText = texts[i];
    return customerText ? [{ incidentId: entry.incidentId, reference: entry.reference, word: entry.ended?.word ?? 'resolved', customerText }] : [];
  });
}

/** The ticket page typed the resolution update into its reply: done, if the tab shows that ticket. */
export async function insertedFromTicket(incidentId: string, externalId: string, ctx: CallContext): Promise<void> {
  const ticket = (await followupsItem.get())[incidentId]?.tickets[externalId];
  if (ticket && callerShows(ticket.url, ctx)) await followupDone(incidentId, externalId);
}
