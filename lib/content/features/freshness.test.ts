// @vitest-environment jsdom
import { answerReads, deskPage, fromBackground, sendMessage } from './test-harness';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as freshness from './freshness';

let stop = () => {};
afterEach(() => {
  stop();
  sendMessage.mockReset();
  vi.useRealTimers();
});

const openReads = () => sendMessage.mock.calls.map(([message]) => message).filter((m) => m.type === 'incidents/open').map((m) => m.payload);

async function freshPage() {
  answerReads({ 'incidents/open': () => ({ incidents: [], fetchedAt: 1, complete: true }), 'attachments/list': () => ({ attachments: [] }) });
  const desk = await deskPage('zendesk');
  stop = desk.stop;
  freshness.init(desk.page, desk.life);
  desk.page.start();
  await desk.settle();
  return desk;
}

describe('freshness, tab side', () => {
  it('paints from the cached answer, then asks for a revalidated one', async () => {
    const desk = await freshPage();
    expect(openReads()).toEqual([{}, { revalidate: true }]);
    expect(desk.page.data).toEqual({ open: [], attachments: [], fetchedAt: 1 });
  });

  it('revalidates when the window regains focus and when the tab becomes visible', async () => {
    const desk = await freshPage();
    desk.view.dispatchEvent(new desk.view.Event('focus'));
    await desk.settle();
    Object.defineProperty(desk.doc, 'visibilityState', { value: 'visible', configurable: true });
    desk.doc.dispatchEvent(new desk.view.Event('visibilitychange'));
    await desk.settle();
    expect(openReads()).toEqual([{}, { revalidate: true }, { revalidate: true }, { revalidate: true }]);
  });

  it('re-reads the cache when the background says incidents changed, and only then', async () => {
    const desk = await freshPage();
    expect(fromBackground({ type: 'incidents/changed' })).toEqual([]); // no reply expected
    await desk.settle();
    expect(openReads()).toEqual([{}, { revalidate: true }, {}]);
  });

  it('no timer pulls in the background: nothing is read while the page just sits there', async () => {
    vi.useFakeTimers({ toFake: ['setInterval'] });
    await freshPage();
    const before = sendMessage.mock.calls.length;
    vi.advanceTimersByTime(10 * 60_000);
    expect(sendMessage.mock.calls.length).toBe(before);
  });

  it('a failed revalidation keeps what is shown', async () => {
    const desk = await freshPage();
    answerReads({ 'attachments/list': () => ({ attachments: [] }) }); // incidents/open now fails
    desk.view.dispatchEvent(new desk.view.Event('focus'));
    await desk.settle();
    expect(desk.page.data).toEqual({ open: [], attachments: [], fetchedAt: 1 });
  });
});
