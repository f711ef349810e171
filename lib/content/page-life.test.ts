// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { startPageLife as StartPageLife } from './page-life';

const runtime: { id?: string } = { id: 'extension-id' };
let startPageLife: typeof StartPageLife;

beforeAll(async () => {
  // ext.ts reads `chrome` when it is first imported.
  vi.stubGlobal('chrome', { runtime });
  ({ startPageLife } = await import('./page-life'));
});

afterEach(() => {
  runtime.id = 'extension-id';
  vi.useRealTimers();
});

describe('startPageLife', () => {
  it('runs listeners while the extension is there, and stops at the first event after it went away', () => {
    const life = startPageLife();
    const seen: string[] = [];
    const invalidated = vi.fn();
    life.onInvalidated(invalidated);
    life.on(document, 'keydown', (event) => seen.push(event.key));

    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    runtime.id = undefined; // updated, reloaded or removed
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'b' }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'c' }));

    expect(seen).toEqual(['a']);
    expect(invalidated).toHaveBeenCalledTimes(1);
    expect(life.isValid).toBe(false);
  });

  it('a newer copy of the script in the same page ends the older one', () => {
    const older = startPageLife();
    const olderGone = vi.fn();
    older.onInvalidated(olderGone);
    const newer = startPageLife();
    expect(olderGone).toHaveBeenCalledTimes(1);
    expect(older.isValid).toBe(false);
    expect(newer.isValid).toBe(true);
  });

  it('clears its timers when it ends', () => {
    vi.useFakeTimers();
    const life = startPageLife();
    const tick = vi.fn();
    const once = vi.fn();
    life.setInterval(tick, 1000);
    life.setTimeout(once, 1500);
    vi.advanceTimersByTime(1000);
    startPageLife(); // ends `life`
    vi.advanceTimersByTime(5000);
    expect(tick).toHaveBeenCalledTimes(1);
    expect(once).not.toHaveBeenCalled();
  });

  it('hears same-document navigations from the Navigation API', () => {
    const navigation = new EventTarget();
    const view = Object.assign(Object.create(window) as Window & typeof globalThis, { navigation });
    const life = startPageLife(view);
    const changed = vi.fn();
    life.onUrlChange(changed);
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(changed).toHaveBeenCalledTimes(1);
    startPageLife();
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(changed).toHaveBeenCalledTimes(1);
  });
});
