// @vitest-environment jsdom
import { answerReads, checkoutIncident, deskPage, sendMessage } from './test-harness';
import { afterEach, describe, expect, it } from 'vitest';
import * as freshness from './freshness';
import * as suggestions from './suggestions';
import { createTicketAsks } from './ticket-asks';

let stop = () => {};
afterEach(() => {
  stop();
  sendMessage.mockReset();
});

const checkout = checkoutIncident;
const open = () => ({ incidents: [checkout], fetchedAt: 1, complete: true });
const links = () => ({ attachments: [] });

async function suggestionsPage(answer: (payload: { subject: string; text: string }) => unknown, before?: (doc: Document) => void) {
  answerReads({ 'incidents/open': open, 'attachments/list': links, 'suggestions/ticket': answer, 'panel/open': () => ({ opened: true }) });
  const desk = await deskPage('zendesk');
  stop = desk.stop;
  before?.(desk.page.doc);
  suggestions.init(desk.page, desk.life, createTicketAsks(desk.page, desk.life));
  freshness.init(desk.page, desk.life);
  desk.page.start();
  await desk.settle();
  desk.layout();
  const region = () => desk.page.mounted?.shadow.querySelector('[aria-label="Suggested incidents"]') ?? null;
  const buttons = () => [...(region()?.querySelectorAll('button') ?? [])].map((b) => b.getAttribute('aria-label') ?? b.textContent);
  const asked = () => sendMessage.mock.calls.filter(([m]) => m.type === 'suggestions/ticket')
    .map(([m]) => m.payload as { subject: string; text: string; requester?: { email?: string; organisation?: string } });
  return { ...desk, region, buttons, asked };
}

describe('suggested incidents', () => {
  it('asks the background with the ticket’s subject and messages, and shows the reason and actions', async () => {
    const desk = await suggestionsPage(() => ({
      suggestions: [{ incident: checkout, matched: ['checkout', 'payment', '502'], reason: 'text' }], spike: null,
    }));
    const [payload] = desk.asked();
    expect(payload?.subject).toBeTruthy();
    expect(payload?.text.length).toBeGreaterThan(0);
    const region = desk.region();
    expect(region?.getAttribute('role')).toBe('region');
    expect(region?.textContent).toContain('INC-123 Checkout failing');
    expect(region?.textContent).toContain('Critical');
    expect(region?.textContent).toContain('Matches: checkout, payment, 502');
    expect(desk.buttons()).toEqual(['INC-123 Checkout failing', 'Insert update for INC-123', 'Link… this ticket to INC-123']);
  });

  it('shows the customer line, and a spike offer', async () => {
    const desk = await suggestionsPage(() => ({
      suggestions: [{ incident: checkout, matched: [], reason: 'customer', customerLine: 'acme.com is listed as affected' }],
      spike: { count: 3, name: 'Customer reports: export', tickets: [] },
    }));
    expect(desk.region()?.textContent).toContain('acme.com is listed as affected');
    expect(desk.buttons()).toContain('3 similar tickets: declare an incident?');
  });

  it('sends the requester the desk shows, and asks again when the desk renders it late', async () => {
    let properties: Element | null = null;
    const desk = await suggestionsPage(() => ({ suggestions: [], spike: null }), (doc) => {
      properties = doc.querySelector('[data-test-id="ticket-properties"]');
      properties?.remove();
    });
    expect(desk.asked()).toHaveLength(1);
    expect(desk.asked()[0]?.requester).toBeUndefined();
    desk.page.doc.body.append(properties!);
    await new Promise((resolve) => setTimeout(resolve, 250)); // the re-read after mutations (200 ms)
    await desk.settle();
    expect(desk.asked().map((p) => p.requester)).toEqual([undefined, { email: 'alice@example-shop.com', organisation: 'Example Shop' }]);
  });

  it('draws nothing when nothing matches, and asks once per ticket and open list', async () => {
    const desk = await suggestionsPage(() => ({ suggestions: [], spike: null }));
    expect(desk.region()).toBeNull();
    desk.page.noteRefs(['INC-999']); // another change on the same ticket and list
    await desk.settle();
    expect(desk.asked()).toHaveLength(1);
  });

  it('ignores a page script’s click on Link…', async () => {
    const desk = await suggestionsPage(() => ({ suggestions: [{ incident: checkout, matched: ['checkout'], reason: 'text' }], spike: null }));
    const linkButton = [...desk.region()!.querySelectorAll('button')].find((b) => b.textContent === 'Link…')!;
    const before = sendMessage.mock.calls.length;
    linkButton.click();
    await desk.settle();
    expect(sendMessage.mock.calls.length).toBe(before);
  });
});
