import { insertUpdate, openIncident } from '../actions';
import { createCardLookup } from '../card-lookup';
import { type Reads, sendRead } from '../ext';
import { button, h } from '../h';
import type { HelpdeskPage } from '../page';
import type { PageLife } from '../page-life';
import { dockOf } from '../dock';
import { showStripNote } from '../strip';
import { requesterOf } from '@/lib/helpdesk/requester';
import type { Requester } from '@/lib/panel-intent';
import type { SuggestionsReply, TicketAsks } from './ticket-asks';

/**
 * "Suggested incidents": at most 3 open public incidents the background ranked against this
 * ticket (its subject and messages), each with why ("Matches: checkout, payment, 502", or "acme.com
 * is listed as affected"), "Insert update" and "Link…" (the side panel's link confirmation; a page
 * never writes). Also "3 similar tickets: declare an incident?" when the background saw a spike.
 * Ranking runs in the background and the page's script asks (ticket-asks.ts): this module reads the
 * requester for that ask and draws the answer.
 */
export function init(page: HelpdeskPage, life: PageLife, asks: TicketAsks, reads: Reads = { sendRead }): void {
  const lookup = createCardLookup(async (ref) => reads.sendRead('incidents/card', { ref }));
  let box: HTMLElement | null = null;

  const note = (text: string) => {
    if (box) showStripNote(box, text);
  };

  // The asks live in the page's script (ticket-asks.ts); this draws their answers.
  const renderAnswer = () => render(asks.suggestions);
  const draw = () => page.afterLayout(renderAnswer);
  asks.onAnswer(draw);
  asks.useRequester(requesterWatch(page, life, () => asks.askAgain()));
  if (asks.suggestions) draw();

  function render(reply: SuggestionsReply | null): void {
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
