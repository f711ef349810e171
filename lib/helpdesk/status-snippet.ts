import type { Incident } from '@/lib/incident-io/schemas';
import { flattenMarkdown } from './flatten-markdown';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The customer's view of a status. Unknown or paused states read as "investigating": telling a
 * customer something is fixed when we can't be sure is worse than saying we're still on it.
 */
function statusPhrase(status: Incident['incident_status']): string {
  switch (status.category) {
    case 'learning':
    case 'closed':
    case 'declined':
    case 'canceled':
      return 'Resolved';
    case 'merged':
      return "We're handling this together with a related issue";
    case 'live':
      return /monitor/i.test(status.name) ? 'A fix is being monitored' : "We're investigating";
    default:
      return "We're investigating";
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "14:05 UTC", plus the date when it is not today (UTC) and the year when not this year. */
function utcTime(at: Date, now: Date): string {
  const time = `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())} UTC`;
  const sameYear = at.getUTCFullYear() === now.getUTCFullYear();
  if (sameYear && at.getUTCMonth() === now.getUTCMonth() && at.getUTCDate() === now.getUTCDate()) return time;
  const day = `${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]}${sameYear ? '' : ` ${at.getUTCFullYear()}`}`;
  return `${time} on ${day}`;
}

function validDate(iso: string | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Bidi embeddings, overrides, isolates and marks: they can make a name read differently than it is. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const HTML_TAG = /<\/?[a-z!][^>]*>/gi;
/** `[text](url)` and `![alt](url)`: the text stays. */
const MARKDOWN_LINK = /!?\[([^\]]*)\]\([^)]*\)/g;
/** `[text][ref]` and a `[ref]: url` definition. */
const MARKDOWN_REF = /\[([^\]]*)\]\[[^\]]*\]|^\s*\[[^\]]+\]:\s*\S+/gm;
/**
 * Scheme URLs, `www.` hosts, e-mail addresses and `host.tld/path`: whatever a desk might autolink.
 * An address starts only where its run of non-space starts (the lookbehind): tried from every
 * position, a long run without `@` (a 100 kB name) took O(n²) and froze the side panel's detail.
 */
const URLISH = /\b[a-z][a-z0-9+.-]*:\/\/\S*|\b(?:mailto|javascript|data|vbscript):\S*|\bwww\.\S+|(?<![^\s@<>()])[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}\S*|\b(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?\/\S*/gi;

/**
 * Incident-provided text made safe for a customer reply: desks that render markdown, HTML or
 * autolink would otherwise turn an attacker-chosen incident name into a link or markup.
 */
/**
 * Longer than any real incident name; a reply to a customer never needs more. The cap also bounds
 * the patterns' work: some (host/path) backtrack quadratically on a long unbroken run, and a hostile
 * 100 kB name froze the side panel's detail view.
 */
export const MAX_CUSTOMER_NAME = 300;

export function customerSafe(text: string): string {
  const capped = text.length > MAX_CUSTOMER_NAME ? `${text.slice(0, MAX_CUSTOMER_NAME - 1).trimEnd()}…` : text;
  return capped
    .replace(BIDI, '')
    .replace(HTML_TAG, ' ')
    .replace(MARKDOWN_LINK, '$1')
    .replace(MARKDOWN_REF, '$1')
    .replace(URLISH, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?)])/g, '$1')
    .trim();
}

/**
 * A plain-text status update an agent can paste into a customer reply, or null when the incident
 * must not be shown to customers (private, test or tutorial). It carries only the name, the status
 * in plain words and the time of the last update: no people, channels, summary or ids. THE one
 * builder of customer text: the strip, the hover card and the side panel get theirs from here,
 * through the background's `incidentCard`.
 */
/** Whether customers may hear about this incident at all: public, and not a test or tutorial. */
export function customerMayHear(incident: Pick<Incident, 'visibility' | 'mode'>): boolean {
  return incident.visibility === 'public' && incident.mode !== 'test' && incident.mode !== 'tutorial';
}

export function customerStatusText(incident: Incident, lastUpdateAt?: string, now: Date = new Date()): string | null {
  if (!customerMayHear(incident)) return null;
  const name = customerSafe(incident.name);
  const updatedAt = validDate(lastUpdateAt) ?? validDate(incident.updated_at);
  const phrase = statusPhrase(incident.incident_status);
  const sentences = [name ? `Update on "${name}": ${phrase}.` : `Update: ${phrase}.`];
  if (updatedAt) sentences.push(`Last updated ${utcTime(updatedAt, now)}.`);
  return sentences.join(' ');
}

/**
 * The follow-up once an incident has ended (monitoring, resolved, closed): today's status text plus a
 * closing line, or null when the incident must not be shown to customers.
 */
export function customerResolutionText(incident: Incident, lastUpdateAt?: string, now: Date = new Date()): string | null {
  const base = customerStatusText(incident, lastUpdateAt, now);
  if (base === null) return null;
  const closing = statusPhrase(incident.incident_status) === 'Resolved'
    ? 'The issue is fixed. Thank you for your patience.'
    : "We'll let you know once it's confirmed fixed.";
  return `${base} ${closing}`;
}

/** What the status page says publicly about an incident (its status page incident and page). */
export interface StatusPageWording {
  /** The status page incident's public name. */
  name: string;
  /** Its public status: investigating, identified, monitoring, resolved… (open). */
  status: string;
  /** The latest public update: markdown, and when it was published. */
  latest: { message: string; published_at: string } | null;
  /** The status page's public URL, if it has one. */
  publicUrl: string | null;
}

const PUBLIC_STATUS: Record<string, string> = {
  investigating: "We're investigating",
  identified: "We've identified the cause and are working on a fix",
  monitoring: 'A fix is being monitored',
  resolved: 'Resolved',
};

const httpUrl = (url: string | null) => {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
};

/**
 * The reply in the organisation's public words, when the incident has a status page incident: its
 * public name, the latest public update (plain text) and its time, ending with the status page's
 * URL. Null for incidents that must not be shown to customers, exactly as `customerStatusText`.
 */
export function customerStatusPageText(incident: Incident, page: StatusPageWording, now: Date = new Date()): string | null {
  if (!customerMayHear(incident)) return null;
  const name = customerSafe(page.name) || customerSafe(incident.name);
  const message = page.latest ? customerSafe(flattenMarkdown(page.latest.message)) : '';
  const at = validDate(page.latest?.published_at);
  const said = message || `${PUBLIC_STATUS[page.status] ?? PUBLIC_STATUS.investigating}.`;
  const sentences = [name ? `Update on "${name}": ${said}` : `Update: ${said}`];
  if (at) sentences.push(`(Posted ${utcTime(at, now)}.)`);
  const url = httpUrl(page.publicUrl);
  if (url) sentences.push(`Follow updates at ${url}`);
  return sentences.join(' ');
}
