import { requesterKey } from '@/lib/helpdesk/requester';
import type { HelpdeskResponseOf } from '@/lib/messaging/protocol';
import type { Requester } from '@/lib/panel-intent';
import { type Reads, sendRead } from '../ext';
import type { HelpdeskPage } from '../page';
import type { PageLife } from '../page-life';
import { stripShowsSomething } from '../strip-model';

export type SuggestionsReply = HelpdeskResponseOf<'suggestions/ticket'>;
export type TicketFollowup = HelpdeskResponseOf<'followups/ticket'>['followups'][number];
/** The background bounds a ticket's text; the newest messages say most about what is wrong now. */
const MAX_TEXT = 20_000;
/** First message (what the customer reported) plus the newest ones. */
const NEWEST_MESSAGES = 30;

/**
 * The ticket's words for ranking: the first message and the newest ones, form-feed separated (the
 * `suggestions/ticket` contract), read as `textContent` (no layout), bounded here and again by the
 * background's schema.
 */
export function ticketText(page: HelpdeskPage): string {
  const list = page.adapter?.messageList(page.doc);
  if (!list || list.length === 0) return '';
  // By index: copying a 2,000-message list would wrap every message in a JS object.
  const picked = [list[0]!];
  for (let i = Math.max(1, list.length - NEWEST_MESSAGES); i < list.length; i++) picked.push(list[i]!);
  let text = '';
  for (const el of picked) {
    const message = (el.textContent ?? '').replace(/[ \t]+/g, ' ').trim();
    if (!message) continue;
    if (text.length + message.length + 1 > MAX_TEXT) break;
    text += (text ? '\f' : '') + message;
  }
  return text;
}

/** What the background said about the shown ticket's own features, for the on-demand UI to draw. */
export interface TicketAsks {
  /** "Suggested incidents" and a spike offer; null until answered (and after another ticket is shown). */
  readonly suggestions: SuggestionsReply | null;
  /** Ended incidents this ticket is linked to, not yet told to the customer from this page. */
  readonly followups: readonly TicketFollowup[];
  /** Whether either answer has something to draw: only then does the UI load for them. */
  readonly showsSomething: boolean;
  /** Called after every answer, and when another ticket is shown. */
  onAnswer(fn: () => void): void;
  /**
   * The UI's requester reader (the desks' requester selectors ship with the UI): suggestions are
   * asked with it from now on. Asks at once if what it reads changes what was asked.
   */
  useRequester(read: () => Requester | undefined): void;
  /** The requester may have changed (a desk renders its sidebar late): asks again if it did. */
  askAgain(): void;
}

/**
 * The ticket's own asks (`suggestions/ticket`, `followups/ticket`), from the script every help-desk
 * page loads, so the UI (helpdesk-ui.js) loads only when an answer has something to show: on the
 * usual ticket, with no incident open and nothing to follow up, the page never holds it. Suggestions
 * are asked once per ticket, requester and open list; with an incident the strip will show, not
 * before the UI (which loads for the strip anyway) brings the requester, so that one ask ranks with it.
 * Follow-ups are asked whenever the background's data for the page arrives anew.
 */
export function createTicketAsks(page: HelpdeskPage, life: PageLife, reads: Reads = { sendRead }): TicketAsks {
  const listeners: (() => void)[] = [];
  let suggestions: SuggestionsReply | null = null;
  let followups: TicketFollowup[] = [];
  let readRequester: (() => Requester | undefined) | null = null;
  let askedFor = '';
  let seq = 0;
  const answered = () => {
    if (life.isValid) for (const fn of listeners) fn();
  };

  function askSuggestions(): void {
    const ticket = page.ticket;
    const data = page.data;
    if (!ticket?.subject || !data) return;
    if (!readRequester && stripShowsSomething(data.open)) return;
    const requester = readRequester?.();
    const key = `${page.ticketKey}\n${requesterKey(requester)}\n${data.open.map((i) => i.id).join(',')}`;
    if (key === askedFor) return;
    askedFor = key;
    const mine = ++seq;
    void reads.sendRead('suggestions/ticket', { subject: ticket.subject, text: ticketText(page), ...(requester ? { requester } : {}) }).then(
      (reply) => {
        if (mine !== seq) return;
        suggestions = reply;
        answered();
      },
      () => undefined, // not connected: no suggestions, no nagging
    );
  }

  let followupsSeq = 0;
  /** A newer ask's answer replaces an older one's (the background's data arrived anew meanwhile). */
  function askFollowups(): void {
    const ticket = page.ticket;
    if (!ticket) return;
    const mine = ++followupsSeq;
    void reads.sendRead('followups/ticket', { externalId: ticket.attachment.externalId }).then((reply) => {
      if (mine !== followupsSeq) return; // a newer ask, or another ticket (its event bumps the count)
      followups = reply.followups;
      answered();
    }, () => undefined); // not connected or restarting: nothing to offer now
  }

  page.on('ticket', () => {
    askedFor = '';
    seq++;
    followupsSeq++;
    suggestions = null;
    followups = [];
    answered();
  });
  // Follow-ups when the background's data for the page arrives anew (load, focus, a change pushed),
  // not on every reference read: only then can one have come or gone.
  let followupsFor: unknown = undefined;
  page.on('change', () => {
    askSuggestions();
    if (!page.ticket || page.data === followupsFor) return;
    followupsFor = page.data;
    askFollowups();
  });

  return {
    get suggestions() { return suggestions; },
    get followups() { return followups; },
    get showsSomething() {
      return followups.length > 0 || Boolean(suggestions && (suggestions.suggestions.length > 0 || suggestions.spike));
    },
    onAnswer: (fn) => void listeners.push(fn),
    useRequester(read) {
      readRequester = read;
      askSuggestions();
    },
    askAgain: askSuggestions,
  };
}
