import { h } from './h';
import { mountOverlay } from './overlay';
import type { HelpdeskPage } from './page';
import type { PageLife } from './page-life';
import { EDITORS } from '@/lib/helpdesk/editors/find';

/** The dock's parts, top to bottom: each feature draws into its own slot. */
export type DockSlot = 'strip' | 'suggestions' | 'followups';
const SLOTS: readonly DockSlot[] = ['strip', 'suggestions', 'followups'];

const GAP = 8;
const EDGE = 12;
/** Below this much room on a side of the composer, the dock takes the other side. */
const MIN_ROOM = 120;

export interface Rect { top: number; bottom: number; left: number; right: number }

/**
 * Where the dock goes in a viewport, clear of the desk's composer and send row (`avoid`): in the
 * larger band above or below it, right-aligned, its height capped to the band so even the expanded
 * dock (it scrolls inside) never reaches the desk's controls. Pure, for the tests.
 */
export function dockPlacement(view: { width: number; height: number }, avoid: Rect | null): {
  top?: number; bottom?: number; maxHeight: number;
} {
  if (!avoid || avoid.bottom <= 0 || avoid.top >= view.height) {
    return { bottom: EDGE, maxHeight: view.height - 2 * EDGE };
  }
  const above = avoid.top - GAP - EDGE;
  const below = view.height - avoid.bottom - GAP - EDGE;
  if (above >= MIN_ROOM || above >= below) {
    return { bottom: view.height - avoid.top + GAP, maxHeight: Math.max(0, above) };
  }
  return { top: avoid.bottom + GAP, maxHeight: Math.max(0, below) };
}

/** The union of the boxes that are laid out (a hidden element's box is all zeros). */
export function union(rects: readonly DOMRect[]): Rect | null {
  const shown = rects.filter((r) => r.width > 0 || r.height > 0);
  if (shown.length === 0) return null;
  return {
    top: Math.min(...shown.map((r) => r.top)), bottom: Math.max(...shown.map((r) => r.bottom)),
    left: Math.min(...shown.map((r) => r.left)), right: Math.max(...shown.map((r) => r.right)),
  };
}

export interface Dock {
  slot(name: DockSlot): HTMLElement;
}

const docks = new WeakMap<HelpdeskPage, Dock>();

/**
 * One container for everything the extension shows on a ticket (strip, suggested incidents,
 * follow-ups), so they never overlap each other, behind a pill button that collapses and expands it.
 * It sits clear of the desk's composer and send row as the adapter finds them: measured after a
 * layout (the page's read-before-write scheduler), again on resize and scroll, at most once a frame.
 */
export function dockOf(page: HelpdeskPage, life: PageLife): Dock {
  const existing = docks.get(page);
  if (existing) return existing;
  const doc = page.doc;
  const slots = new Map(SLOTS.map((name) => [name, h(doc, 'div', { class: `slot slot-${name}` })]));
  const body = h(doc, 'div', { class: 'dock-body', id: 'incident-copilot-dock-body' }, ...slots.values());
  const pill = h(doc, 'button', { type: 'button', class: 'pill', 'aria-expanded': 'true', 'aria-controls': body.id }, 'Incident Copilot');
  pill.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    const open = pill.getAttribute('aria-expanded') !== 'true';
    pill.setAttribute('aria-expanded', String(open));
    body.hidden = !open;
  });
  const el = h(doc, 'div', { class: 'dock' }, pill, body);
  page.ui(mountOverlay).shadow.append(el);

  let placed = '';
  let avoid: Rect | null = null;
  const measure = () => {
    const adapter = page.adapter;
    const parts = [adapter?.composerArea(doc, EDITORS), adapter?.sendButton(doc, EDITORS)].filter((e): e is Element => !!e);
    avoid = union(parts.map((e) => e.getBoundingClientRect()));
  };
  const place = () => {
    const spot = dockPlacement({ width: page.view.innerWidth, height: page.view.innerHeight }, avoid);
    const key = JSON.stringify(spot);
    if (key === placed) return; // no style write unless the spot moved
    placed = key;
    el.style.top = spot.top === undefined ? '' : `${spot.top}px`;
    el.style.bottom = spot.bottom === undefined ? '' : `${spot.bottom}px`;
    el.style.maxHeight = `${spot.maxHeight}px`;
  };
  const schedule = () => {
    page.afterLayout(measure, 'read');
    page.afterLayout(place);
  };
  life.on(page.view, 'resize', schedule, { passive: true });
  life.on(doc, 'scroll', schedule, { passive: true, capture: true });
  page.on('flush', schedule);
  page.on('ticket', schedule);
  schedule();

  const dock: Dock = { slot: (name) => slots.get(name)! };
  docks.set(page, dock);
  return dock;
}
