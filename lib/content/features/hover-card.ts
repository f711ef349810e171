import { insertUpdate, openIncident } from '../actions';
import { cardInfo, createCardLookup } from '../card-lookup';
import { sendRead } from '../ext';
import { HoverCard } from '../hover-card';
import { mountOverlay } from '../overlay';
import type { HelpdeskPage } from '../page';
import type { PageLife } from '../page-life';

/**
 * Hover cards on the highlighted references: one `incidents/card` read per reference (cached a
 * minute). Only real pointer and key input counts: a page script's synthetic `mousemove` over
 * planted `INC-n` text must not make the extension look incidents up for it.
 */
export function init(page: HelpdeskPage, life: PageLife, first?: MouseEvent, read = (ref: string) => sendRead('incidents/card', { ref })): void {
  const lookup = createCardLookup(read);
  let card: HoverCard | null = null;
  const mountCard = () => {
    card ??= new HoverCard(
      page.ui(mountOverlay).shadow,
      async (ref) => cardInfo(await lookup(ref)),
      (ref) => void openIncident(ref, (text) => card?.note(text)),
      (ref) => void insertUpdate(page, lookup, ref, (text) => card?.note(text)),
      (ref) => {
        const last = lookup.last(ref);
        return last && { info: cardInfo(last.card), at: last.at };
      },
    );
    return card;
  };

  let pointer: MouseEvent | null = null;
  let frame = 0;
  function hover(): void {
    frame = 0;
    if (!pointer || !life.isValid) return;
    if (card && pointer.target === page.mounted?.host) return card.keep();
    const hit = page.highlighter.isEmpty ? null : page.highlighter.hit(pointer.clientX, pointer.clientY);
    if (hit) mountCard().show(hit.ref, hit.rect);
    else if (card?.shownRef) card.scheduleHide();
  }
  const requestHover = () => {
    frame ||= page.view.requestAnimationFrame(hover);
  };

  life.on(page.doc, 'mousemove', (event) => {
    if (!event.isTrusted) return;
    pointer = event;
    requestHover();
  }, { passive: true });
  life.on(page.doc, 'keydown', (event) => {
    if (event.isTrusted && event.key === 'Escape') card?.hide();
  });
  life.on(page.doc, 'scroll', () => card?.hide(), { capture: true, passive: true });
  page.on('navigate', () => card?.hide());
  // A reference that just came alive under a resting pointer gets its card without a move.
  page.on('near', () => {
    if (pointer) requestHover();
  });
  life.onInvalidated(() => page.view.cancelAnimationFrame(frame));
  // Loaded on demand by this move (features/ui.ts): it gets its card now.
  if (first?.isTrusted) {
    pointer = first;
    requestHover();
  }
}
