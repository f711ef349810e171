import type { HelpdeskResponseOf } from '@/lib/messaging/protocol';
import { insertUpdate, openIncident } from '../actions';
import { createCardLookup } from '../card-lookup';
import { sendRead } from '../ext';
import { button, h } from '../h';
import type { HelpdeskPage } from '../page';
import type { PageLife } from '../page-life';
import { dockOf } from '../dock';
import { showStripNote } from '../strip';
import { requesterKey, requesterOf } from '@/lib/helpdesk/requester';
import type { Requester } from '@/lib/panel-intent';

type Reply = HelpdeskResponseOf<'suggestions/ticket'>;
export type Reads = Pick<typeof import('../ext'), 'sendRead'>;

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

/**
 * "Suggested incidents": at most 3 open public incidents the background ranked against this
 * ticket (its subject and messages), each with why ("Matches: checkout, payment, 502", or "acme.com
 * is listed as affected"), "Insert update" and "Link…" (the side panel's link confirmation; a page
 * never writes). Also "3 similar tickets: declare an incident?" when the background saw a spike.
 * Ranking runs in the background: this module only reads the text and draws the answer.
 */
export function init(page: HelpdeskPage, life: PageLife, reads: Reads = { sendRead }): void {
  const lookup = createCardLookup(async (ref) => reads.sendRead('incidents/card', { ref }));
  let box: HTMLElement | null = null;
  let askedFor = '';
  let seq = 0;
  const who = requesterWatch(page, life, () => ask());

  const note = (text: string) => {
    if (box) showStripNote(box, text);
  };

  /** Asks once per ticket, per requester read and per change of the open list the strip shows (not per mutation). */
  function ask(): void {
    const ticket = page.ticket;
    const data = page.data;
    if (!ticket?.subject || !data) return;
    const requester = who();
    const key = `${page.ticketKey}\n${requesterKey(requester)}\n${data.open.map((i) => i.id).join(',')}`;
    if (key === askedFor) return;
    askedFor = key;
    const mine = ++seq;
    const ticketKey = page.ticketKey;
    void reads.sendRead('suggestions/ticket', { subject: ticket.subject, text: ticketText(page), ...(requester ? { requester } : {}) }).then(
      (reply) => {
        if (life.isValid && mine === seq && page.ticketKey === ticketKey) page.afterLayout(() => render(reply));
      },
      () => undefined, // not connected: no suggestions, no nagging
    );
  }

  function render(reply: Reply | null): void {
    const ticket = page.ticket;
    if (!reply || !ticket || (reply.suggestions.length === 0 && !reply.spike)) return void box?.replaceChildren();
    const doc = page.doc;
    if (!box) {
      box = h(doc, 'div');
      dockOf(page, life).slot('suggestions').append(box);
    }
    const rows: HTMLElement[] = reply.suggestions.map(({ incident, matched, reason, customerLine }) => {
      const ref = incident.reference;
      const why = customerLine ?? (reason === 'reference' ? 'Mentioned in this ticket' : `Matches: ${matched.join(', ')}`);
      return h(doc, 'li', { class: 'row' },
        button(doc, `${ref} ${incident.name.replace(/\s+/g, ' ').trim()}`, () => void openIncident(ref, note), {
          class: 'name', title: 'Open in Incident Copilot',
        }),
        incident.severity && h(doc, 'span', { class: 'label' }, incident.severity.name),
        h(doc, 'span', { class: 'muted' }, why),
        // Each accessible name holds the button's visible words (axe: label-content-name-mismatch).
        button(doc, 'Insert update', () => void insertUpdate(page, lookup, ref, note), { 'aria-label': `Insert update for ${ref}` }),
        button(doc, 'Link…', () => void link(ref), { 'aria-label': `Link… this ticket to ${ref}` }));
    });
    const spike = reply.spike;
    box.replaceChildren(h(doc, 'section', { class: 'suggestions panel', role: 'region', 'aria-label': 'Suggested incidents' },
      rows.length > 0 && h(doc, 'ul', { class: 'list' }, ...rows),
      spike && h(doc, 'div', { class: 'row' },
        button(doc, `${spike.count} similar tickets: declare an incident?`, () => void declareSpike())),
      h(doc, 'p', { class: 'note', role: 'status' })));
  }

  async function link(ref: string): Promise<void> {
    const ticket = page.ticket;
    if (!ticket) return;
    try {
      const { opened } = await reads.sendRead('panel/open', { kind: 'link-ticket', ticket, ref });
      note(opened ? '' : 'Open the Incident Copilot side panel to confirm the link.');
    } catch (error) {
      note(error instanceof Error ? error.message : String(error));
    }
  }

  async function declareSpike(): Promise<void> {
    try {
      const { opened } = await reads.sendRead('spike/declare', {});
      note(opened ? '' : 'Open the Incident Copilot side panel to review the new incident.');
    } catch (error) {
      note(error instanceof Error ? error.message : String(error));
    }
  }

  page.on('ticket', () => {
    askedFor = '';
    seq++;
    box?.replaceChildren();
  });
  page.on('change', ask);
}

/** How long after a ticket is shown a missing requester is looked for again (desks render sidebars late). */
const REQUESTER_WINDOW_MS = 10_000;
const RECHECK_MS = 200;

/**
 * The ticket's requester (`lib/helpdesk/requester.ts`), read once found; while it is missing, page
 * changes in the first 10 s after the ticket is shown re-read it (at most every 200 ms) and call
 * `found` when it appears. Read here, in the on-demand UI, so the desks' requester selectors stay
 * out of the script every help-desk page loads.
 */
export function requesterWatch(page: HelpdeskPage, life: PageLife, found: () => void): () => Requester | undefined {
  let known: Requester | undefined;
  let until = performance.now() + REQUESTER_WINDOW_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Cleared once found or past the window: every later added node costs one comparison.
  const looking = () => {
    if (until !== 0 && (known || performance.now() >= until)) until = 0;
    return until !== 0;
  };
  const read = () => {
    if (looking() && page.adapter && page.ticket) known = requesterOf(page.adapter, page.doc);
    return known;
  };
  page.on('ticket', () => {
    known = undefined;
    until = performance.now() + REQUESTER_WINDOW_MS;
  });
  page.on('node', () => {
    if (!looking() || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (life.isValid && read()) found();
    }, RECHECK_MS);
  });
  life.onInvalidated(() => clearTimeout(timer));
  return read;
}
