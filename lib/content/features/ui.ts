import type { HelpdeskPage } from '../page';
import type { PageLife } from '../page-life';
import { stripShowsSomething } from '../strip-model';
import type { UiModule } from '../ui-hook';
import { loadUi } from '../ui-loader';
import { createTicketAsks, type TicketAsks } from './ticket-asks';

/**
 * The strip, the hover card and the ticket's own features (suggested incidents, follow-ups), loaded on
 * demand (helpdesk-ui.js): the strip and the ticket features when the background's answer gives the
 * strip something to show, the ticket features alone when their own asks (ticket-asks.ts, asked from
 * here) come back with a spike offer or a follow-up, the hover card at the first real pointer move
 * over a highlighted reference. Until then the page holds no UI code, and no DOM of ours.
 */
export function init(
  page: HelpdeskPage, life: PageLife, load: () => Promise<UiModule> = loadUi, asks: TicketAsks = createTicketAsks(page, life),
): void {
  let strip = false;
  let hover = false;
  let ticketFeatures = false;
  const start = (what: (ui: UiModule) => void) => {
    load().then((ui) => {
      if (life.isValid) what(ui);
    }, () => {
      // Not injected (the extension is going away, or the page is gone): nothing is shown.
    });
  };

  const startTicketFeatures = () => {
    if (ticketFeatures || !page.ticket) return;
    ticketFeatures = true;
    start((ui) => ui.ticketFeatures(page, life, asks));
  };
  asks.onAnswer(() => {
    if (asks.showsSomething) startTicketFeatures();
  });
  page.on('change', () => {
    const { ticket, data } = page;
    if (strip || !ticket || !data || !stripShowsSomething(data.open)) return;
    strip = true;
    start((ui) => ui.strip(page, life));
    // With an incident to show, suggestions are asked with the requester the UI reads.
    startTicketFeatures();
  });

  let pointer: MouseEvent | null = null;
  let frame = 0;
  function check(): void {
    frame = 0;
    if (hover || !pointer || page.highlighter.isEmpty || !page.highlighter.hit(pointer.clientX, pointer.clientY)) return;
    hover = true;
    const first = pointer;
    start((ui) => ui.hoverCard(page, life, first));
  }
  life.on(page.doc, 'mousemove', (event) => {
    // A page script's synthetic move loads nothing and looks nothing up.
    if (hover || !event.isTrusted || page.highlighter.isEmpty) return;
    pointer = event;
    frame ||= page.view.requestAnimationFrame(check);
  }, { passive: true });
  page.on('near', () => {
    if (pointer && !hover) frame ||= page.view.requestAnimationFrame(check);
  });
  life.onInvalidated(() => page.view.cancelAnimationFrame(frame));
}
