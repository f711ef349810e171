import { describe, expect, it, vi } from 'vitest';
import { registerUi, type UiModule, type UiWorld } from './ui-hook';
import { createUiLoader } from './ui-loader';

const module: UiModule = { strip: vi.fn(), hoverCard: vi.fn(), insertIntoReply: vi.fn(), ticketFeatures: vi.fn(), requester: vi.fn() };

describe('the on-demand UI', () => {
  it('is asked for once, however many features want it, and handed over through the world\'s global', async () => {
    const world = {} as UiWorld;
    const ask = vi.fn(async () => registerUi(module, world));
    const load = createUiLoader(ask, world);
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(module);
    expect(b).toBe(module);
    await load();
    expect(ask).toHaveBeenCalledTimes(1);
    expect(Object.getOwnPropertySymbols(world)).toEqual([]); // nothing left behind
  });

  it('a failed injection is asked for again next time', async () => {
    const world = {} as UiWorld;
    const ask = vi.fn().mockRejectedValueOnce(new Error('no frame')).mockImplementation(async () => registerUi(module, world));
    const load = createUiLoader(ask, world);
    await expect(load()).rejects.toThrow('no frame');
    await expect(load()).resolves.toBe(module);
  });
});
