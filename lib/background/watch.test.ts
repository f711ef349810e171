import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { isWatched, toggleWatch, watch, watchedIds } from './watch';

describe('watched incidents', () => {
  beforeEach(() => fakeBrowser.reset());

  it('toggles watching and reports the new state', async () => {
    expect(await toggleWatch('01HA')).toBe(true);
    expect(await isWatched('01HA')).toBe(true);
    expect(await toggleWatch('01HA')).toBe(false);
    expect(await isWatched('01HA')).toBe(false);
  });

  it('watch() is idempotent, for auto-watching when a ticket is linked', async () => {
    await watch('01HA');
    await watch('01HA');
    await watch('01HB');
    expect(await watchedIds()).toEqual(new Set(['01HA', '01HB']));
  });

  it('is kept in local storage, so it outlives the browser session', async () => {
    await watch('01HA');
    expect(await fakeBrowser.storage.local.get('watched')).toEqual({ watched: ['01HA'] });
  });
});
