// @vitest-environment jsdom
import { answerReads, deskPage, sendMessage } from './test-harness';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as followups from './followups';
import * as freshness from './freshness';
import { createTicketAsks } from './ticket-asks';

let stop = () => {};
afterEach(() => {
  stop();
  sendMessage.mockReset();
});

const RESOLUTION = 'Update on "Checkout failing": Resolved. Last updated 14:05 UTC. The issue is fixed. Thank you for your patience.';

async function followupPage(pending: { incidentId: string; reference: string; word: string; customerText: string }[]) {
  const inserted = vi.fn(() => ({}));
  answerReads({
    'incidents/open': () => ({ incidents: [], fetchedAt: 1, complete: true }),
    'attachments/list': () => ({ attachments: [] }),
    'followups/ticket': () => ({ followups: pending }),
    'followups/inserted': inserted,
  });
  const desk = await deskPage('zendesk');
  stop = desk.stop;
  followups.init(desk.page, desk.life, createTicketAsks(desk.page, desk.life));
  freshness.init(desk.page, desk.life);
  desk.page.start();
  await desk.settle();
  desk.layout();
  await desk.settle();
  const region = () => desk.page.mounted?.shadow.querySelector('[role="region"][aria-label="Follow-ups"]') ?? null;
  const button = (name: string) => [...(region()?.querySelectorAll('button') ?? [])]
    .find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
  return { ...desk, region, button, inserted };
}

describe('follow-ups on the ticket page', () => {
  it('offers "Insert resolution update" for the ticket\'s ended incident, asking about this ticket only', async () => {
    const desk = await followupPage([{ incidentId: 'inc-1', reference: 'INC-123', word: 'resolved', customerText: RESOLUTION }]);
    expect(desk.region()?.textContent).toContain('INC-123 resolved');
    expect(desk.button('Insert resolution update')).toBeDefined();
    const asks = sendMessage.mock.calls.filter(([message]) => message.type === 'followups/ticket');
    expect(asks.length).toBeGreaterThan(0);
    for (const [message] of asks) expect(message.payload).toEqual({ externalId: desk.page.ticket!.attachment.externalId });
  });

  it('shows nothing without a pending follow-up', async () => {
    const desk = await followupPage([]);
    expect(desk.region()).toBeNull();
  });

  it('ignores a page script\'s click: nothing typed, nothing marked done', async () => {
    const desk = await followupPage([{ incidentId: 'inc-1', reference: 'INC-123', word: 'resolved', customerText: RESOLUTION }]);
    desk.button('Insert resolution update')!.click();
    await desk.settle();
    expect(desk.inserted).not.toHaveBeenCalled();
  });
});
