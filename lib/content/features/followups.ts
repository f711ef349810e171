import { insertIntoReply } from '../actions';
import { sendRead } from '../ext';
import { button, h } from '../h';
import type { HelpdeskPage } from '../page';
import type { PageLife } from '../page-life';
import { dockOf } from '../dock';
import type { TicketAsks, TicketFollowup } from './ticket-asks';

/**
 * "Insert resolution update" on a ticket whose linked incident ended (the side panel's Follow-ups):
 * types the background's resolution text (the one builder) into the reply, then tells the
 * background the follow-up is done. The page's script asks (ticket-asks.ts); this draws the answer.
 */
export function init(page: HelpdeskPage, life: PageLife, asks: TicketAsks): void {
  let box: HTMLElement | null = null;
  let drawn = '';
  /** What this page last did ("… inserted into the reply", or why it could not), on which ticket. */
  let said = { ticketKey: '', note: '' };
  const tell = (note: string) => { said = { ticketKey: page.ticketKey, note }; };
  /** Inserted from this page (the background marks them done; an answer already on its way may not know yet). */
  const inserted = new Set<string>();

  function draw(): void {
    const followups = asks.followups.filter((f) => !inserted.has(`${page.ticketKey}\n${f.incidentId}`));
    const note = said.ticketKey === page.ticketKey ? said.note : '';
    const key = JSON.stringify([page.ticketKey, followups.map((f) => f.incidentId), note]);
    if (key === drawn) return;
    drawn = key;
    if (followups.length === 0 && !note) return void box?.replaceChildren();
    const doc = page.doc;
    if (!box) {
      box = h(doc, 'div', { role: 'region', 'aria-label': 'Follow-ups', class: 'panel followups' });
      dockOf(page, life).slot('followups').append(box);
    }
    const rows = followups.map((followup) => h(doc, 'p', { class: 'row' },
      h(doc, 'span', { class: 'summary' }, `${followup.reference} ${followup.word}`),
      button(doc, 'Insert resolution update', () => void insert(followup), {
        class: 'primary',
        ...(followups.length > 1 ? { 'aria-label': `Insert resolution update for ${followup.reference}` } : {}),
      })));
    box.replaceChildren(...rows, h(doc, 'p', { class: 'note', role: 'status' }, note));
  }

  async function insert(followup: TicketFollowup): Promise<void> {
    const ticket = page.ticket;
    if (!ticket) return;
    const key = page.ticketKey;
    const result = await insertIntoReply(page, followup.customerText);
    if (!result.ok) {
      await navigator.clipboard.writeText(followup.customerText).catch(() => undefined);
      tell(`${result.reason} The update was copied to the clipboard instead.`);
      return draw();
    }
    await sendRead('followups/inserted', { incidentId: followup.incidentId, externalId: ticket.attachment.externalId }).catch(() => undefined);
    if (page.ticketKey !== key) return;
    inserted.add(`${key}\n${followup.incidentId}`);
    tell(`Resolution update for ${followup.reference} inserted into the reply.`);
    draw();
  }

  asks.onAnswer(draw);
  draw();
}
