// @vitest-environment jsdom
import { answerReads, checkoutIncident, deskPage, sendMessage } from './test-harness';
import { afterEach, describe, expect, it } from 'vitest';
import * as freshness from './freshness';
import { createTicketAsks, ticketText } from './ticket-asks';

let stop = () => {};
afterEach(() => {
  stop();
  sendMessage.mockReset();
});

const FOLLOWUP = { incidentId: 'inc-1', reference: 'INC-123', word: 'resolved', customerText: 'Resolved. Thank you for your patience.' };
const drill = { ...checkoutIncident, id: '01HDRILL', reference: 'INC-7', mode: 'test' };

async function asksPage(open: unknown[], answers: { suggestions?: unknown; followups?: unknown[] } = {}) {
  answerReads({
    'incidents/open': () => ({ incidents: open, fetchedAt: 1, complete: true }),
    'attachments/list': () => ({ attachments: [] }),
    'suggestions/ticket': () => answers.suggestions ?? { suggestions: [], spike: null },
    'followups/ticket': () => ({ followups: answers.followups ?? [] }),
  });
  const desk = await deskPage('zendesk');
  stop = desk.stop;
  const asks = createTicketAsks(desk.page, desk.life);
  let heard = 0;
  asks.onAnswer(() => { heard += 1; });
  freshness.init(desk.page, desk.life);
  desk.page.start();
  await desk.settle();
  const asked = (type: string) => sendMessage.mock.calls.filter(([m]) => m.type === type).map(([m]) => m.payload as Record<string, unknown>);
  return { ...desk, asks, asked, heard: () => heard };
}

describe('the ticket’s own asks, from the script every page loads', () => {
  it('with no incident the strip would show: asks once, without a requester, and has nothing to show', async () => {
    const desk = await asksPage([drill]);
    const [payload] = desk.asked('suggestions/ticket');
    expect(desk.asked('suggestions/ticket')).toHaveLength(1);
    expect(payload?.subject).toBeTruthy();
    expect(payload?.text).toBe(ticketText(desk.page));
    expect(payload).not.toHaveProperty('requester');
    const followupAsks = desk.asked('followups/ticket');
    expect(followupAsks.length).toBeGreaterThan(0);
    for (const payload of followupAsks) expect(payload).toEqual({ externalId: desk.page.ticket!.attachment.externalId });
    expect(desk.asks.showsSomething).toBe(false);
    desk.page.noteRefs(['INC-999']); // another change on the same ticket and data
    await desk.settle();
    expect(desk.asked('suggestions/ticket')).toHaveLength(1);
    expect(desk.asked('followups/ticket')).toHaveLength(followupAsks.length);
  });

  it('a spike offer or a follow-up is something to show', async () => {
    const spike = await asksPage([], { suggestions: { suggestions: [], spike: { count: 3, name: 'Customer reports: export', tickets: [] } } });
    expect(spike.asks.showsSomething).toBe(true);
    stop();
    const followup = await asksPage([], { followups: [FOLLOWUP] });
    expect(followup.asks.followups).toEqual([FOLLOWUP]);
    expect(followup.asks.showsSomething).toBe(true);
    // Asked again when the background's data arrives anew (focus, a pushed change): the newest answer counts.
    answerReads({
      'incidents/open': () => ({ incidents: [], fetchedAt: 2, complete: true }), 'attachments/list': () => ({ attachments: [] }),
      'followups/ticket': () => ({ followups: [] }),
    });
    const before = followup.asked('followups/ticket').length;
    followup.page.setData({ ...followup.page.data! });
    await followup.settle();
    expect(followup.asked('followups/ticket')).toHaveLength(before + 1);
    expect(followup.asks.followups).toEqual([]);
    expect(followup.asks.showsSomething).toBe(false);
  });

  it('with an incident the strip shows: suggestions wait for the UI’s requester reader, then ask once with it', async () => {
    const desk = await asksPage([checkoutIncident]);
    expect(desk.asked('suggestions/ticket')).toEqual([]);
    const requester = { email: 'alice@example-shop.com' };
    desk.asks.useRequester(() => requester);
    await desk.settle();
    expect(desk.asked('suggestions/ticket').map((p) => p.requester)).toEqual([requester]);
    desk.asks.askAgain(); // the same requester: no new ask
    await desk.settle();
    expect(desk.asked('suggestions/ticket')).toHaveLength(1);
    expect(desk.heard()).toBeGreaterThan(0);
  });

  it('starts over on another ticket: its answers are dropped and it is asked about anew', async () => {
    const desk = await asksPage([], { followups: [FOLLOWUP] });
    expect(desk.asks.followups).toHaveLength(1);
    desk.page.emit('ticket');
    expect(desk.asks.followups).toEqual([]);
    expect(desk.asks.suggestions).toBeNull();
  });
});
