import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_DECLARE_DRAFT, storedDraftSchema, type StoredDraft } from './declare-draft';
import { declareDraftItem } from './storage';

const stored: StoredDraft = {
  draft: {
    ...EMPTY_DECLARE_DRAFT,
    name: 'Checkout down',
    customFields: {
      'f-product': { kind: 'options', optionIds: ['o-checkout'] },
      'f-regions': { kind: 'options', optionIds: ['o-eu', 'o-uk'] },
      'f-impact': { kind: 'text', text: 'Card payments fail' },
      'f-tickets': { kind: 'text', text: '12' },
      'f-customers': { kind: 'catalog', entries: [{ id: 'ce-acme', name: 'Acme Corp' }] },
    },
    requester: { email: 'jo@acme.com' },
  },
  idempotencyKey: 'copilot-1',
};

describe('the declare draft', () => {
  it('keeps every custom field value across storage (a failed declaration, a panel reopen)', async () => {
    fakeBrowser.reset();
    await declareDraftItem.set(stored);
    expect(await declareDraftItem.get()).toEqual(stored);
    expect(storedDraftSchema.parse(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
  });

  it('refuses a value of a kind it does not know rather than sending it', () => {
    const bad = { ...stored, draft: { ...stored.draft, customFields: { f: { kind: 'catalog', entries: [{ name: 'Acme Corp' }] } } } };
    expect(storedDraftSchema.safeParse(bad).success).toBe(false);
  });
});
