// @vitest-environment jsdom
import { checkoutIncident, deskPage, dispatchTrusted, sendMessage, TOO_MANY_LOOKUPS } from './test-harness';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as hoverCard from './hover-card';

let stop = () => {};
afterEach(() => {
  stop();
  sendMessage.mockReset();
});

describe('hover cards', () => {
  it('a page script\'s synthetic mousemove over a planted reference looks nothing up', async () => {
    const desk = await deskPage('zendesk');
    stop = desk.stop;
    const read = vi.fn(async () => { throw new Error('must not be asked'); });
    hoverCard.init(desk.page, desk.life, undefined, read);
    desk.page.start();
    // As if the pointer were over a highlighted reference (jsdom has no caret hit-testing).
    Object.defineProperty(desk.page.highlighter, 'isEmpty', { get: () => false });
    desk.page.highlighter.hit = () => ({ ref: 'INC-1', rect: new desk.view.DOMRect(10, 10, 40, 12) });
    for (let n = 0; n < 20; n++) desk.doc.dispatchEvent(new desk.view.MouseEvent('mousemove', { clientX: 20, clientY: 15, bubbles: true }));
    await new Promise((resolve) => desk.view.requestAnimationFrame(resolve));
    await desk.settle();
    expect(read).not.toHaveBeenCalled();
    expect(desk.page.mounted).toBeNull();
  });
});

describe('too many lookups from this page', () => {
  const card = { incident: checkoutIncident, customerText: 'We are investigating checkout failures.' };

  it('the card says so (with the wait), keeps "Open in Incident Copilot", and retries on the next hover', async () => {
    const desk = await deskPage('zendesk');
    stop = desk.stop;
    sendMessage.mockResolvedValueOnce(TOO_MANY_LOOKUPS).mockResolvedValue({ ok: true, data: card });
    hoverCard.init(desk.page, desk.life);
    desk.page.start();
    Object.defineProperty(desk.page.highlighter, 'isEmpty', { get: () => false });
    desk.page.highlighter.hit = () => ({ ref: 'INC-123', rect: new desk.view.DOMRect(10, 10, 40, 12) });
    const hover = async () => {
      dispatchTrusted(desk.doc, new desk.view.MouseEvent('mousemove', { clientX: 20, clientY: 15, bubbles: true }));
      await new Promise((resolve) => desk.view.requestAnimationFrame(resolve));
      await desk.settle();
    };
    const shown = () => desk.page.mounted?.shadow.querySelector('.card');

    await hover();
    expect(sendMessage).toHaveBeenCalledWith({ type: 'incidents/card', payload: { ref: 'INC-123' } });
    expect(shown()?.hasAttribute('hidden')).toBe(false);
    expect(shown()?.textContent).toContain('Too many lookups from this page. Wait 12 s and try again.');
    expect(shown()?.querySelector('button')?.textContent).toBe('Open in Incident Copilot');

    // Hidden (Escape), then hovered again: the refusal was not cached, so the card is looked up again.
    dispatchTrusted(desk.doc, new desk.view.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await hover();
    expect(sendMessage).toHaveBeenCalledTimes(2);
    expect(shown()?.textContent).toContain('INC-123: Checkout failing');
    expect(shown()?.textContent).not.toContain('Too many lookups');
  });
});
