import { isText, markStart, measure, type HelpdeskPage } from '../page';
import type { PageLife } from '../page-life';
import { mayHoldRef } from '../ref-scan';
import { elementsInBand, viewBand } from '../view-band';

/** While the page scrolls, the messages coming into view are read at most this often. */
const SCROLL_SCAN_MS = 100;

/**
 * Reference highlights: the `INC-n` references in the messages near the viewport, marked with
 * the CSS Custom Highlight API (no DOM writes), read again as the page scrolls or changes.
 *
 * What it costs does not grow with the ticket: after the first paint it reads only the messages in
 * and around the viewport (`view-band.ts`); later it looks only at the nodes the MutationObserver
 * reports, one regex test each.
 */
export function init(page: HelpdeskPage, life: PageLife): void {
  const { highlighter, doc } = page;

  function scanView(): void {
    if (!page.adapter) return;
    const start = markStart();
    page.noteRefs(highlighter.show(elementsInBand(page.adapter.messageList(doc), viewBand(page.view))));
    measure('view-scan', start);
  }

  /**
   * A node the page added or changed: one regex test of its text, nothing more for the common case
   * (a message without a reference, typing, the desk's own UI). No timer per message: on a busy
   * renderer each timer costs more than that test. A node that may hold a reference inside a shown
   * root has that root read again; elsewhere it is watched until layout says whether it is near.
   */
  function consider(node: Node): void {
    const mayHold = mayHoldRef((isText(node) ? node.data : node.textContent) ?? '');
    // Text that lost its reference must lose its highlight too, whatever it holds now.
    if (!mayHold && !(isText(node) && highlighter.marks(node))) return;
    const root = highlighter.rootOf(node);
    if (root) page.noteRefs(highlighter.reread(root));
    else if (mayHold) {
      const el = isText(node) ? node.parentElement : node.nodeType === Node.ELEMENT_NODE ? (node as Element) : null;
      if (el) page.watch(el);
    }
  }

  /**
   * New nodes that came near: each is read on its own (a new message costs its own text, not a
   * query over the whole ticket and a band of box reads), unless it is a container as tall as the
   * view or one around shown messages (the page rendered the conversation again): then the band.
   * The next band scan puts each reference back under its message's root.
   */
  function readArrived(arrived: readonly IntersectionObserverEntry[]): void {
    const start = markStart();
    const found: string[] = [];
    for (const { target, boundingClientRect } of arrived) {
      // Inside a shown root it was read with it: by a band scan since it was watched, or as part of
      // a node read just before it (consider() rereads roots that were shown when the node came).
      if (!target.isConnected || highlighter.rootOf(target)) continue;
      if (boundingClientRect.height > page.view.innerHeight || highlighter.holdsRoot(target)) return scanView();
      found.push(...highlighter.add(target));
    }
    page.noteRefs(found);
    measure('arrived', start);
  }

  let scrollTimer: ReturnType<typeof setTimeout> | undefined;
  function onScroll(): void {
    scrollTimer ??= setTimeout(() => {
      scrollTimer = undefined;
      page.scan();
    }, SCROLL_SCAN_MS);
  }

  page.on('near', (arrived) => (arrived ? readArrived(arrived) : scanView()));
  page.on('node', consider);
  page.on('flush', (removed) => {
    if (removed) highlighter.prune();
  });
  // Capture: conversation logs scroll inside their own containers, whose scroll events don't bubble.
  life.on(doc, 'scroll', onScroll, { capture: true, passive: true });
  life.on(page.view, 'resize', () => page.scan(), { passive: true });
  life.onInvalidated(() => clearTimeout(scrollTimer));
}
