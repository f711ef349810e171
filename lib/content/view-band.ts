/** A vertical stretch of the viewport, in viewport (client) coordinates. */
export interface Band {
  top: number;
  bottom: number;
}

/**
 * The viewport plus one viewport height above and below: references there are live before a short
 * scroll brings them into view, and nothing further away costs a Range or a read.
 */
export const viewBand = (view: Window): Band => ({ top: -view.innerHeight, bottom: 2 * view.innerHeight });

interface Box {
  top: number;
  bottom: number;
  width: number;
  height: number;
}

/** `display: none` and detached elements have an empty box at the viewport's origin. */
const hidden = (box: Box) => box.width === 0 && box.height === 0;
const crosses = (box: Box, band: Band) => box.bottom >= band.top && box.top <= band.bottom;

/**
 * The elements of `list` (document order) whose boxes cross `band`, reading O(log n + k) boxes
 * rather than n. A conversation is laid out in document order, top to bottom, or bottom to top in
 * chat UIs that reverse it; so a binary search finds the first element that reaches the band and
 * the walk stops at the first one past it. Hidden elements are skipped wherever they are.
 */
export function elementsInBand(list: ArrayLike<Element>, band: Band): Element[] {
  const n = list.length;
  const box = (i: number): Box => list[i]!.getBoundingClientRect();
  const first = nextShown(box, 0, n);
  if (!first) return [];
  // Reversed layout: later messages sit higher up.
  const reversed = (previousShown(box, n)?.top ?? first.top) < first.top;
  const reached = reversed ? (b: Box) => b.top <= band.bottom : (b: Box) => b.bottom >= band.top;
  const past = reversed ? (b: Box) => b.bottom < band.top : (b: Box) => b.top > band.bottom;

  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = nextShown(box, mid, hi);
    if (!at || reached(at)) hi = mid; // (mid..hi all hidden: whatever reaches the band comes before)
    else lo = at.index + 1;
  }
  const found: Element[] = [];
  for (let i = lo; i < n; i++) {
    const b = box(i);
    if (hidden(b)) continue;
    if (past(b)) break;
    if (crosses(b, band)) found.push(list[i]!);
  }
  return found;
}

function nextShown(box: (i: number) => Box, from: number, to: number): (Box & { index: number }) | null {
  for (let index = from; index < to; index++) {
    const b = box(index);
    if (!hidden(b)) return { top: b.top, bottom: b.bottom, width: b.width, height: b.height, index };
  }
  return null;
}

function previousShown(box: (i: number) => Box, to: number): Box | null {
  for (let i = to - 1; i >= 0; i--) {
    const b = box(i);
    if (!hidden(b)) return b;
  }
  return null;
}
