import { analyze, customerWords } from './analyze';
import { indexIncidents, MIN_CONCEPTS, MIN_SCORE, type IncidentIndex, type RankableIncident, type TicketText } from './rank';

/** A ticket this agent viewed, as remembered for spike detection (text bounded, own words only). */
export interface ViewedTicket {
  url: string;
  title: string;
  subject: string;
  /** The customer's own words (quoted history and signatures cut), at most `MAX_VIEWED_TEXT` chars. */
  text: string;
  viewedAt: number;
}

export interface Spike {
  count: number;
  name: string;
  tickets: { title: string; url: string }[];
}

export { DEFAULT_SPIKE_WINDOW_MINUTES } from '@/lib/settings';
export const SPIKE_MIN_TICKETS = 3;
export const MAX_VIEWED_TEXT = 2_000;
/** A busy hour: enough to see a spike, bounded so storage.session stays small. */
export const MAX_VIEWED_TICKETS = 60;
const NAME_WORDS = 4;

/** The remembered form of a ticket: its own words, cut to a bound. */
export function viewedTicket(ticket: TicketText & { url: string; title: string }, now: number): ViewedTicket {
  return {
    url: ticket.url,
    title: ticket.title.slice(0, 300),
    subject: ticket.subject.slice(0, 300),
    text: customerWords(ticket.text).replace(/\s+/g, ' ').trim().slice(0, MAX_VIEWED_TEXT),
    viewedAt: now,
  };
}

/** Adds (or refreshes) a viewed ticket; drops those older than the window and the oldest beyond the bound. */
export function rememberViewed(list: readonly ViewedTicket[], ticket: ViewedTicket, windowMs: number): ViewedTicket[] {
  const kept = list.filter((t) => t.url !== ticket.url && ticket.viewedAt - t.viewedAt < windowMs);
  return [...kept, ticket].slice(-MAX_VIEWED_TICKETS);
}

/** "Customer reports: export, csv, stuck": the words most of the tickets share, most shared first. */
function spikeName(members: readonly ViewedTicket[]): string {
  const count = new Map<string, { surface: string; n: number; first: number }>();
  members.forEach((member) => {
    const seen = new Set<string>();
    for (const { term, surface } of analyze(`${member.subject}\n${member.text}`)) {
      if (term.startsWith('~') || seen.has(term)) continue;
      seen.add(term);
      const entry = count.get(term) ?? { surface, n: 0, first: count.size };
      entry.n++;
      count.set(term, entry);
    }
  });
  const words = [...count.values()]
    .filter((e) => e.n >= Math.max(2, Math.ceil(members.length / 2)))
    .sort((a, b) => b.n - a.n || a.first - b.first)
    .slice(0, NAME_WORDS)
    .map((e) => e.surface);
  return words.length ? `Customer reports: ${words.join(', ')}` : `${members.length} similar tickets`;
}

/**
 * A spike: the current ticket and at least two other tickets viewed in the window match each other
 * (the same BM25 ranking and threshold as incident suggestions, with the other tickets as documents
 * beside the open incidents, which keep the word statistics those of a real collection) and none of
 * them matches an open incident.
 */
export function detectSpike(
  viewed: readonly ViewedTicket[], currentUrl: string,
  open: { incidents: readonly RankableIncident[]; index: IncidentIndex }, now: number, windowMs: number,
): Spike | null {
  const recent = viewed.filter((t) => now - t.viewedAt < windowMs);
  const current = recent.find((t) => t.url === currentUrl);
  if (!current) return null;
  // Tickets an open incident explains are not a spike (once it is declared, its tickets match it).
  const unexplained = recent.filter((t) => open.index.rank(t).length === 0);
  if (!unexplained.includes(current) || unexplained.length < SPIKE_MIN_TICKETS) return null;
  const others = unexplained.filter((t) => t !== current);
  const ticketId = (t: ViewedTicket) => `ticket:${t.url}`;
  const index = indexIncidents([
    ...open.incidents,
    ...others.map((t) => ({ id: ticketId(t), reference: '', name: t.subject, summary: t.text, fieldValues: [] })),
  ]);
  const similar = new Set(index.scores(current).filter((s) => s.score >= MIN_SCORE && s.concepts >= MIN_CONCEPTS).map((s) => s.id));
  const members = [current, ...others.filter((t) => similar.has(ticketId(t)))];
  if (members.length < SPIKE_MIN_TICKETS) return null;
  return {
    count: members.length,
    name: spikeName(members),
    tickets: members.map((t) => ({ title: t.title, url: t.url })),
  };
}

/** The declare form's summary for a spike: what it is and the tickets, one per line. */
export function spikeSummary(spike: Spike, windowMinutes: number): string {
  return [`${spike.count} similar customer tickets in the last ${windowMinutes} minutes, matching no open incident:`, ...spike.tickets.map((t) => `- ${t.title}: ${t.url}`)].join('\n');
}
