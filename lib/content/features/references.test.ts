// @vitest-environment jsdom
import { deskPage } from './test-harness';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as references from './references';

let stop = () => {};
afterEach(() => stop());

/** jsdom lays nothing out: every element gets a box at the top of the viewport. */
function boxes(view: Window & typeof globalThis) {
  view.Element.prototype.getBoundingClientRect = () => ({ top: 0, bottom: 20, left: 0, right: 100, width: 100, height: 20 }) as DOMRect;
}

/** The Zendesk ticket with the references feature, started and laid out once. */
async function laidOut() {
  const desk = await deskPage('zendesk');
  stop = desk.stop;
  boxes(desk.view);
  references.init(desk.page, desk.life);
  desk.page.start();
  desk.layout();
  return desk;
}

describe('reference highlights', () => {
  it('reads the messages near the viewport only after the first layout', async () => {
    const desk = await deskPage('zendesk');
    stop = desk.stop;
    boxes(desk.view);
    references.init(desk.page, desk.life);
    desk.page.start();
    expect([...desk.page.seen]).toEqual([]);
    desk.layout();
    expect([...desk.page.seen]).toEqual(['INC-123', 'INC-456']);
  });

  it('a new message with a reference is read after the next layout; one without costs no read', async () => {
    const desk = await laidOut();
    const log = desk.doc.querySelector('[data-test-id="omni-log-comment-item"]')!.parentElement!;
    const message = (text: string) => {
      const el = desk.doc.createElement('article');
      el.innerHTML = `<div data-test-id="omni-log-message-content"><p>${text}</p></div>`;
      log.append(el);
    };
    const version = desk.page.version;
    message('Nothing to see here.');
    await desk.settle();
    desk.layout();
    expect(desk.page.version).toBe(version);
    message('Now also INC-789.');
    await desk.settle();
    desk.layout();
    expect([...desk.page.seen]).toEqual(['INC-123', 'INC-456', 'INC-789']);
  });

  it('a new message with a reference is read on its own, without querying the whole ticket again', async () => {
    const desk = await laidOut();
    const list = vi.spyOn(desk.page.adapter!, 'messageList');
    const log = desk.doc.querySelector('[data-test-id="omni-log-container"]')!;
    const el = desk.doc.createElement('article');
    el.innerHTML = '<div data-test-id="omni-log-message-content"><p>Now also INC-789.</p></div>';
    log.append(el);
    await desk.settle();
    desk.layout();
    expect([...desk.page.seen]).toEqual(['INC-123', 'INC-456', 'INC-789']);
    expect(list).not.toHaveBeenCalled();
    list.mockRestore();
  });

  it('a container rendered again around the shown messages has the band read again', async () => {
    const desk = await laidOut();
    const list = vi.spyOn(desk.page.adapter!, 'messageList');
    const log = desk.doc.querySelector('[data-test-id="omni-log-container"]')!;
    const wrapper = desk.doc.createElement('div');
    wrapper.append(...log.children);
    log.append(wrapper);
    await desk.settle();
    desk.layout();
    expect(list).toHaveBeenCalled();
    expect([...desk.page.seen]).toEqual(['INC-123', 'INC-456']);
    list.mockRestore();
  });

  it('highlights of removed messages are dropped once the page settles', async () => {
    const desk = await laidOut();
    expect(desk.page.highlighter.isEmpty).toBe(false);
    for (const message of desk.doc.querySelectorAll('[data-test-id="omni-log-comment-item"]')) message.remove();
    await new Promise((resolve) => setTimeout(resolve, 150)); // past the page's mutation batching
    expect(desk.page.highlighter.isEmpty).toBe(true);
  });
});
