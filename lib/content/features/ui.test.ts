// @vitest-environment jsdom
import { answerReads, deskPage, sendMessage } from './test-harness';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UiModule } from '../ui-hook';
import * as freshness from './freshness';
import * as ui from './ui';

let stop = () => {};
afterEach(() => {
  stop();
  sendMessage.mockReset();
});

const incident = {
  id: '01HINC123', reference: 'INC-123', name: 'Checkout failing', mode: 'standard',
  incident_status: { name: 'Investigating', category: 'live' }, severity: null,
  created_at: '2026-03-10T11:00:00Z', updated_at: '2026-03-10T11:30:00Z', latest_update: null,
};

async function setup(open: unknown[], followups: unknown[] = []) {
  answerReads({
    'incidents/open': () => ({ incidents: open, fetchedAt: 1, complete: true }), 'attachments/list': () => ({ attachments: [] }),
    'suggestions/ticket': () => ({ suggestions: [], spike: null }), 'followups/ticket': () => ({ followups }),
  });
  const desk = await deskPage('zendesk');
  stop = desk.stop;
  const module: UiModule = { strip: vi.fn(), hoverCard: vi.fn(), insertIntoReply: vi.fn(), ticketFeatures: vi.fn(), requester: vi.fn() };
  const load = vi.fn(async () => module);
  ui.init(desk.page, desk.life, load);
  freshness.init(desk.page, desk.life);
  desk.page.start();
  await desk.settle();
  return { ...desk, module, load };
}

describe('the UI on demand', () => {
  it('is loaded once the background gives the strip something to show, and the strip started once', async () => {
    const desk = await setup([incident]);
    expect(desk.module.ticketFeatures).toHaveBeenCalledTimes(1);
    expect(desk.module.strip).toHaveBeenCalledTimes(1);
    expect(desk.load).toHaveBeenCalled();
    desk.page.setData(desk.page.data);
    await desk.settle();
    expect(desk.module.strip).toHaveBeenCalledTimes(1);
  });

  it('is not loaded on a ticket with nothing to show, nor for a page script\'s synthetic pointer moves', async () => {
    const desk = await setup([]);
    Object.defineProperty(desk.page.highlighter, 'isEmpty', { get: () => false });
    desk.page.highlighter.hit = () => ({ ref: 'INC-1', rect: new desk.view.DOMRect(0, 0, 10, 10) });
    desk.doc.dispatchEvent(new desk.view.MouseEvent('mousemove', { clientX: 5, clientY: 5 }));
    await new Promise((resolve) => desk.view.requestAnimationFrame(resolve));
    await desk.settle();
    // The ticket was asked about (suggestions, follow-ups), and the answers had nothing to show.
    expect(sendMessage.mock.calls.map(([m]) => m.type)).toEqual(expect.arrayContaining(['suggestions/ticket', 'followups/ticket']));
    expect(desk.load).not.toHaveBeenCalled();
  });

  it('is loaded for the ticket\'s own features alone when a follow-up waits, with no incident open', async () => {
    const desk = await setup([], [{ incidentId: 'inc-1', reference: 'INC-123', word: 'resolved', customerText: 'Resolved.' }]);
    expect(desk.module.ticketFeatures).toHaveBeenCalledTimes(1);
    expect(desk.module.strip).not.toHaveBeenCalled();
  });
});
