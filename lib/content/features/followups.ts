import type { HelpdeskResponseOf } from '@/lib/messaging/protocol';
import { insertIntoReply } from '../actions';
import { sendRead } from '../ext';
import { button, h } from '../h';
import type { HelpdeskPage } from '../page';
import type { PageLife } from '../page-life';
import { dockOf } from '../dock';

type TicketFollowup = HelpdeskResponseOf<'followups/ticket'>['followups'][number];

/**
 * "Insert resolution update" on a ticket whose linked incident ended (the side panel's Follow-ups):
 * types the background's resolution text (the one builder) into the reply, then tells the
 * background the follow-up is done. Asked again whenever what the page shows changed.
 */
export function init(page: HelpdeskPage, life: PageLife): void {
  let box: HTMLElement | null = null;
  let asking: Promise<void> | null = null;
  let again = false;
  let drawn = '';

  function draw(followups: TicketFollowup[], note = ''): void {
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

  let shown: TicketFollowup[] = [];

  async function insert(followup: TicketFollowup): Promise<void> {
    const ticket = page.ticket;
    if (!ticket) return;
    const result = await insertIntoReply(page, followup.customerText);
    if (!result.ok) {
      await navigator.clipboard.writeText(followup.customerText).catch(() => undefined);
      return draw(shown, `${result.reason} The update was copied to the clipboard instead.`);
    }
    await sendRead('followups/inserted', { incidentId: followup.incidentId, externalId: ticket.attachment.externalId }).catch(() => undefined);
    shown = shown.filter((f) => f.incidentId !== followup.incidentId);
    draw(shown, `Resolution update for ${followup.reference} inserted into the reply.`);
  }

  async function ask(): Promise<void> {
    const ticket = page.ticket;
    if (!ticket) return draw((shown = []));
    try {
      const { followups } = await sendRead('followups/ticket', { externalId: ticket.attachment.externalId });
      if (!life.isValid || page.ticket !== ticket) return;
      shown = followups;
      draw(shown);
    } catch {
      // Not connected or restarting: nothing to offer now.
    }
  }

  /** One ask at a time; a change during it asks once more afterwards. */
  function refresh(): void {
    if (asking) {
      again = true;
      return;
    }
    asking = ask().finally(() => {
      asking = null;
      if (again) {
        again = false;
        refresh();
      }
    });
  }

  page.on('ticket', () => {
    shown = [];
    draw(shown);
  });
  // Asked when the background's data for the page arrives anew (load, focus, a change pushed), not
  // on every reference read: only then can a follow-up have come or gone.
  let askedFor: unknown = undefined;
  page.on('change', () => {
    if (page.data === askedFor) return;
    askedFor = page.data;
    refresh();
  });
}
