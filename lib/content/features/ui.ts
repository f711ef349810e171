import type { HelpdeskPage } from '../page';
import type { PageLife } from '../page-life';
import { stripShowsSomething } from '../strip-model';
import type { UiModule } from '../ui-hook';
import { loadUi } from '../ui-loader';

/**
 * The strip, the hover card and the ticket's own features (suggested incidents, follow-ups), loaded on
 * demand (helpdesk-ui.js): the ticket features on a ticket page, the strip when the background's
 * answer gives it something to show, the hover card at the first real pointer move over a
 * highlighted reference. Until then the page holds no UI code, and no DOM of ours.
 */
export function init(page: HelpdeskPage, life: PageLife, load: () => Promise<UiModule> = loadUi): void {
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

  page.on('change', () => {
    const { ticket, data } = page;
    // Suggestions and follow-ups are about the ticket: every ticket page asks the background for them.
    if (ticket && !ticketFeatures) {
      ticketFeatures = true;
      start((ui) => ui.ticketFeatures(page, life));
    }
    if (strip || !ticket || !data || !stripShowsSomething(data.open)) return;
    strip = true;
    start((ui) => ui.strip(page, life));
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
