import { describe, expect, it } from 'vitest';
import { dockPlacement, union } from './dock';

const view = { width: 1280, height: 720 };
const overlaps = (spot: ReturnType<typeof dockPlacement>, avoid: { top: number; bottom: number }) => {
  const top = spot.top ?? view.height - spot.bottom! - spot.maxHeight;
  const bottom = spot.top === undefined ? view.height - spot.bottom! : spot.top + spot.maxHeight;
  return top < avoid.bottom && bottom > avoid.top;
};

describe('dockPlacement', () => {
  it('sits bottom right when the desk shows no composer', () => {
    expect(dockPlacement(view, null)).toEqual({ bottom: 12, maxHeight: 696 });
  });

  it('sits above a composer docked at the bottom, never reaching it even at full height', () => {
    const composer = { top: 520, bottom: 720, left: 0, right: 1280 };
    const spot = dockPlacement(view, composer);
    expect(spot.bottom).toBe(720 - 520 + 8);
    expect(overlaps(spot, composer)).toBe(false);
  });

  it('goes below a composer near the top of the window', () => {
    const composer = { top: 60, bottom: 260, left: 0, right: 800 };
    const spot = dockPlacement(view, composer);
    expect(spot.top).toBe(268);
    expect(overlaps(spot, composer)).toBe(false);
  });

  it('ignores a composer scrolled out of view', () => {
    expect(dockPlacement(view, { top: 900, bottom: 1100, left: 0, right: 10 })).toEqual({ bottom: 12, maxHeight: 696 });
  });
});

describe('union', () => {
  it('spans the laid-out boxes and skips hidden ones', () => {
    const box = (x: number, y: number, w: number, hh: number) => ({ top: y, bottom: y + hh, left: x, right: x + w, width: w, height: hh }) as DOMRect;
    expect(union([box(10, 500, 600, 100), box(700, 650, 80, 30), box(0, 0, 0, 0)])).toEqual({ top: 500, bottom: 680, left: 10, right: 780 });
    expect(union([box(0, 0, 0, 0)])).toBeNull();
  });
});
