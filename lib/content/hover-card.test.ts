// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { HoverCard, type CardInfo } from './hover-card';

const info = (name: string, status = 'Investigating'): CardInfo => ({
  reference: 'INC-123', name, status, severity: 'Critical', updatedAt: new Date().toISOString(), lastMessage: null, shareable: true,
});

function setup(load: (ref: string) => Promise<CardInfo>, last?: (ref: string) => { info: CardInfo; at: number } | undefined) {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const card = new HoverCard(shadow, load, vi.fn(), vi.fn(), last);
  const text = () => shadow.querySelector('[role="tooltip"]')?.textContent ?? '';
  return { card, text };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const anchor = new DOMRect(10, 10, 40, 12);

describe('HoverCard', () => {
  it('asks incident.io each time it opens, showing the last answer with its time meanwhile', async () => {
    let resolve: (value: CardInfo) => void = () => {};
    const load = vi.fn(() => new Promise<CardInfo>((r) => (resolve = r)));
    const readAt = new Date(2026, 2, 10, 14, 5).getTime();
    vi.useFakeTimers({ toFake: ['Date'], now: readAt + 60_000 });
    try {
      const { card, text } = setup(load, () => ({ info: info('Checkout failing'), at: readAt }));
      card.show('INC-123', anchor);
      expect(load).toHaveBeenCalledTimes(1);
      expect(text()).toContain('INC-123: Checkout failing');
      expect(text()).toContain('Investigating · Critical · as of 14:05');
      resolve(info('Checkout failing', 'Resolved'));
      await flush();
      expect(text()).toContain('Resolved · Critical');
      expect(text()).not.toContain('as of');

      card.hide();
      card.show('INC-123', anchor);
      expect(load).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the earlier answer when the new one fails, and says why', async () => {
    const { card, text } = setup(async () => { throw new Error('Too many lookups from this page'); }, () => ({ info: info('Checkout failing'), at: Date.now() }));
    card.show('INC-123', anchor);
    await flush();
    expect(text()).toContain('INC-123: Checkout failing');
    expect(text()).toContain('Too many lookups from this page');
  });

  it('says it is loading when nothing was read before', () => {
    const { card, text } = setup(() => new Promise(() => {}));
    card.show('INC-123', anchor);
    expect(text()).toContain('Loading INC-123…');
  });
});
