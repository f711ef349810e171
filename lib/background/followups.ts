import { z } from 'zod/mini';
import type { Incident, IncidentAttachment } from '@/lib/incident-io/schemas';

/**
 * The follow-up queue as pure state transitions: which linked tickets still need telling that their
 * incident ended. Kept per incident and ticket (external id) so a ticket is queued once however often
 * the incident flaps, and its done mark survives every flap. No extension APIs here: the poll feeds
 * observations in (incident-links.ts), the panel reads the queue out.
 */

/** Resource types a help-desk ticket is linked as (see lib/helpdesk/ticket.ts). */
const TICKET_TYPES = new Set(['zendesk_ticket', 'salesforce_case', 'arbitrary_url']);

/** Ended incidents whose every ticket is done are dropped after this long. */
const KEEP_DONE_MS = 7 * 24 * 60 * 60_000;
/** Ended incidents are still re-read for new links (other agents' follow-ups) this long. */
export const FOLLOW_ENDED_MS = 3 * 24 * 60 * 60_000;
/** Bound on the stored queue, oldest ended first out. */
const MAX_INCIDENTS = 200;

export const endWordSchema = z.enum(['monitoring', 'resolved', 'closed']);
export type EndWord = z.infer<typeof endWordSchema>;

export const followupTicketSchema = z.object({
  externalId: z.string(),
  title: z.string(),
  url: z.string(),
  resourceType: z.string(),
  /** Epoch ms when the agent inserted the update or marked it done; null while pending. */
  doneAt: z.nullable(z.number()),
});
export type FollowupTicket = z.infer<typeof followupTicketSchema>;

export const followupIncidentSchema = z.object({
  incidentId: z.string(),
  reference: z.string(),
  name: z.string(),
  /** Set while the incident is in monitoring, resolved or closed; null while it is (again) active. */
  ended: z.nullable(z.object({ word: endWordSchema, at: z.number() })),
  /** End words already notified, so a flapping incident never notifies the same end twice. */
  notified: z.array(endWordSchema),
  tickets: z.record(z.string(), followupTicketSchema),
});
export type FollowupIncident = z.infer<typeof followupIncidentSchema>;

export const followupsSchema = z.record(z.string(), followupIncidentSchema);
export type Followups = z.infer<typeof followupsSchema>;

export interface FollowupEvent {
  incidentId: string;
  reference: string;
  word: EndWord;
  pending: number;
}

/** Monitoring, resolved (post-incident) or closed; null while the incident is still being worked on. */
export function endWord(status: Incident['incident_status']): EndWord | null {
  if (status.category === 'learning') return 'resolved';
  if (status.category === 'closed') return 'closed';
  if (status.category === 'live' && /monitor/i.test(status.name)) return 'monitoring';
  return null;
}

export const isTicketLink = (attachment: IncidentAttachment) => TICKET_TYPES.has(attachment.resource.resource_type);

export const pendingTickets = (entry: FollowupIncident) => Object.values(entry.tickets).filter((t) => t.doneAt === null);

/**
 * One poll's view of one incident. `attachments` undefined means they could not be read this time:
 * the known tickets stay as they are. Returns the new state and, when the incident just reached an
 * end it hasn't notified before with tickets still pending, the notification to raise.
 */
export function observe(
  state: Followups,
  incident: Pick<Incident, 'id' | 'reference' | 'name' | 'incident_status'>,
  attachments: IncidentAttachment[] | undefined,
  now: number,
): { state: Followups; event: FollowupEvent | null } {
  const prev = state[incident.id];
  const tickets = attachments ? mergeTickets(prev?.tickets ?? {}, attachments.filter(isTicketLink)) : (prev?.tickets ?? {});
  // Only incidents with linked tickets are tracked: the queue is about tickets.
  if (!prev && Object.keys(tickets).length === 0) return { state, event: null };
  const word = endWord(incident.incident_status);
  const ended = word === null ? null : prev?.ended?.word === word ? prev.ended : { word, at: now };
  const next: FollowupIncident = {
    incidentId: incident.id, reference: incident.reference, name: incident.name, ended, tickets,
    notified: prev?.notified ?? [],
  };
  let event: FollowupEvent | null = null;
  const pending = pendingTickets(next).length;
  if (!prev && word !== null) {
    // First seen already ended (the first poll after install, or a ticket linked to an incident in
    // monitoring): queued, but nobody watched it end, so there is no news to notify.
    next.notified = [word];
  } else if (word !== null && pending > 0 && !next.notified.includes(word)) {
    event = { incidentId: incident.id, reference: incident.reference, word, pending };
    next.notified = [...next.notified, word];
  }
  return { state: prune({ ...state, [incident.id]: next }, now), event };
}

/** Links as incident.io lists them now; a ticket already known keeps its done mark. Unlinked tickets leave. */
function mergeTickets(known: Record<string, FollowupTicket>, links: IncidentAttachment[]): Record<string, FollowupTicket> {
  const tickets: Record<string, FollowupTicket> = {};
  for (const { resource } of links) {
    tickets[resource.external_id] = {
      externalId: resource.external_id,
      title: resource.title,
      url: resource.permalink,
      resourceType: resource.resource_type,
      doneAt: known[resource.external_id]?.doneAt ?? null,
    };
  }
  return tickets;
}

/** Done by "Mark done" or by inserting the update; a second mark keeps the first time. */
export function markDone(state: Followups, incidentId: string, externalId: string, now: number): Followups {
  const entry = state[incidentId];
  const ticket = entry?.tickets[externalId];
  if (!entry || !ticket || ticket.doneAt !== null) return state;
  return { ...state, [incidentId]: { ...entry, tickets: { ...entry.tickets, [externalId]: { ...ticket, doneAt: now } } } };
}

/** The Follow-ups view: ended incidents with pending tickets, most recently ended first. */
export function followupQueue(state: Followups): Array<FollowupIncident & { pending: FollowupTicket[] }> {
  return Object.values(state)
    .filter((entry) => entry.ended !== null)
    .map((entry) => ({ ...entry, pending: pendingTickets(entry) }))
    .filter((entry) => entry.pending.length > 0)
    .sort((a, b) => (b.ended?.at ?? 0) - (a.ended?.at ?? 0));
}

export const queueCount = (state: Followups) => followupQueue(state).reduce((n, entry) => n + entry.pending.length, 0);

/**
 * Incidents (besides the open ones) whose links the poll reads: ended ones still followed up, and
 * tracked ones that left the open list without being seen to end (to learn how they ended).
 */
export function followedIds(state: Followups, openIds: ReadonlySet<string>, now: number): string[] {
  return Object.values(state)
    .filter((entry) => !openIds.has(entry.incidentId))
    .filter((entry) => entry.ended === null || (now - entry.ended.at < FOLLOW_ENDED_MS && pendingTickets(entry).length > 0))
    .map((entry) => entry.incidentId);
}

function prune(state: Followups, now: number): Followups {
  const kept = Object.values(state).filter((entry) =>
    !(entry.ended && pendingTickets(entry).length === 0 && now - entry.ended.at > KEEP_DONE_MS));
  kept.sort((a, b) => (a.ended?.at ?? Infinity) - (b.ended?.at ?? Infinity));
  return Object.fromEntries(kept.slice(-MAX_INCIDENTS).map((entry) => [entry.incidentId, entry]));
}

/** Linked help-desk tickets per incident id, for the side panel's "12 tickets". */
export function ticketCounts(byIncident: Readonly<Record<string, IncidentAttachment[]>>): Record<string, number> {
  return Object.fromEntries(Object.entries(byIncident).map(([id, list]) => [id, list.filter(isTicketLink).length]));
}

/** "INC-42 resolved" / "4 linked tickets to update". */
export function notificationText(event: FollowupEvent): { title: string; message: string } {
  return {
    title: `${event.reference} ${event.word}`,
    message: `${event.pending} linked ticket${event.pending === 1 ? '' : 's'} to update`,
  };
}

/** "Zendesk #48300: Checkout fails" → desk "Zendesk #48300", title "Checkout fails". */
export function splitTicketTitle(title: string): { desk: string; subject: string } {
  const at = title.indexOf(': ');
  return at < 0 ? { desk: title, subject: '' } : { desk: title.slice(0, at), subject: title.slice(at + 2) };
}
