// @vitest-environment jsdom
import { deskPage, sendMessage } from './test-harness';
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
