import { describe, expect, it } from 'vitest';
import { elementsInBand } from './view-band';

/** Messages as boxes: `tops[i]` is message i's top edge, each `height` tall; null is hidden. */
function messages(tops: (number | null)[], height = 100) {
  let reads = 0;
  const list = tops.map((top, i) => ({
    id: i,
    getBoundingClientRect: () => {
      reads++;
      return top === null ? { top: 0, bottom: 0, width: 0, height: 0 } : { top, bottom: top + height, width: 300, height };
    },
  })) as unknown as Element[];
  const ids = (found: Element[]) => found.map((el) => (el as unknown as { id: number }).id);
  return { list, ids, reads: () => reads };
}

describe('elementsInBand', () => {
  it('finds the messages crossing the band of a 2,000-message log without reading every box', () => {
    // Scrolled to message 1,000: it sits at the viewport's top edge.
    const log = messages(Array.from({ length: 2000 }, (_, i) => (i - 1000) * 100));
    expect(log.ids(elementsInBand(log.list, { top: -850, bottom: 1750 }))).toEqual(Array.from({ length: 27 }, (_, i) => 991 + i));
    expect(log.reads()).toBeLessThan(60);
  });

  it('reads a log that chat UIs lay out bottom to top (newest first in the document, at the bottom)', () => {
    const log = messages(Array.from({ length: 500 }, (_, i) => 800 - i * 100));
    expect(log.ids(elementsInBand(log.list, { top: 0, bottom: 900 }))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('skips hidden messages wherever they are, including where the search lands', () => {
    const tops = Array.from({ length: 300 }, (_, i): number | null => (i - 150) * 100);
    for (let i = 100; i < 200; i++) if (i % 2 === 0) tops[i] = null;
    const log = messages(tops);
    expect(log.ids(elementsInBand(log.list, { top: 10, bottom: 450 }))).toEqual([151, 153]);
  });

  it('finds nothing when nothing is shown or nothing is near', () => {
    expect(elementsInBand(messages([null, null]).list, { top: 0, bottom: 900 })).toEqual([]);
    expect(elementsInBand(messages([]).list, { top: 0, bottom: 900 })).toEqual([]);
    const below = messages([5000, 5100, 5200]);
    expect(elementsInBand(below.list, { top: 0, bottom: 900 })).toEqual([]);
  });
});
