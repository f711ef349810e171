import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_DECLARE_DRAFT } from '@/lib/declare-draft';
import { declareDraftItem } from '@/lib/storage';
import { applyDeclarePrefill } from './intents';

beforeEach(() => fakeBrowser.reset());

describe('a declare prefill (menu, shortcut, Copilot) and the agent’s draft (issue 14 §6)', () => {
  it('never replaces a draft the agent typed: it is offered, the draft and its key stay', async () => {
    const mine = { draft: { ...EMPTY_DECLARE_DRAFT, name: 'Checkout failing', summary: 'EU cards' }, idempotencyKey: 'copilot-mine' };
    await declareDraftItem.set(mine);
    await applyDeclarePrefill({ name: 'Selected text' });
    const stored = await declareDraftItem.get();
    expect(stored?.draft).toEqual(mine.draft);
    expect(stored?.idempotencyKey).toBe('copilot-mine');
    expect(stored?.offer).toEqual({ name: 'Selected text', summary: '', severityId: '' });
  });

  it('fills an empty draft at once, with a new key', async () => {
    await declareDraftItem.set({ draft: EMPTY_DECLARE_DRAFT, idempotencyKey: 'copilot-old' });
    await applyDeclarePrefill({ name: 'Selected text', summary: 'From the page' });
    const stored = await declareDraftItem.get();
    expect(stored?.draft).toMatchObject({ name: 'Selected text', summary: 'From the page' });
    expect(stored?.idempotencyKey).not.toBe('copilot-old');
    expect(stored?.offer).toBeUndefined();
  });
});
