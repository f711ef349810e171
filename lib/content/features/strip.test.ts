// @vitest-environment jsdom
import { answerReads, checkoutIncident, deskPage, dispatchTrusted, sendMessage, TOO_MANY_LOOKUPS } from './test-harness';
import { afterEach, describe, expect, it } from 'vitest';
import * as freshness from './freshness';
import * as strip from './strip';
import { EDITORS } from '@/lib/helpdesk/editors/find';

let stop = () => {};
afterEach(() => {
  stop();
  sendMessage.mockReset();
});

const checkout = checkoutIncident;

async function stripPage() {
  const desk = await deskPage('zendesk');
  stop = desk.stop;
  strip.init(desk.page, desk.life);
  freshness.init(desk.page, desk.life);
  desk.page.start();
  await desk.settle();
  desk.layout();
  /** The strip, read through the overlay the script holds (the shadow root is closed to the page). */
  const region = () => desk.page.mounted?.shadow.querySelector('[role="region"]') ?? null;
  const button = (name: string) => [...(desk.page.mounted?.shadow.querySelectorAll('button') ?? [])]
    .find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
  return { ...desk, region, button };
}

describe('the strip', () => {
  it('is drawn after layout from the background\'s answer, in a shadow root the page cannot open', async () => {
    answerReads({ 'incidents/open': () => ({ incidents: [checkout], fetchedAt: 1, complete: true }), 'attachments/list': () => ({ attachments: [{ incident_id: checkout.id }] }) });
    const desk = await stripPage();
    expect(desk.region()?.textContent).toContain('1 open incident · most severe: Checkout failing (Critical)');
    const host = desk.doc.querySelector('incident-copilot-ui')!;
    expect(host).not.toBeNull();
    expect(host.shadowRoot).toBeNull();
    expect(desk.button('Insert update for INC-123')).toBeDefined();
  });

  it('writes nothing to the page when there is nothing to show', async () => {
    answerReads({ 'incidents/open': () => ({ incidents: [], fetchedAt: 1, complete: true }), 'attachments/list': () => ({ attachments: [] }) });
    const desk = await stripPage();
    expect(desk.doc.querySelector('incident-copilot-ui')).toBeNull();
  });

  it('ignores a page script\'s click on its buttons', async () => {
    answerReads({ 'incidents/open': () => ({ incidents: [checkout], fetchedAt: 1, complete: true }), 'attachments/list': () => ({ attachments: [] }) });
    const desk = await stripPage();
    const before = sendMessage.mock.calls.length;
    desk.button('Link this ticket…')!.click();
    desk.button('Open INC-123 in Incident Copilot')!.click();
    await desk.settle();
    expect(sendMessage.mock.calls.length).toBe(before);
  });

  it('says "too many lookups from this page" when the tab\'s bucket refuses Insert update, and inserts nothing', async () => {
    answerReads({ 'incidents/open': () => ({ incidents: [checkout], fetchedAt: 1, complete: true }), 'attachments/list': () => ({ attachments: [{ incident_id: checkout.id }] }) });
    const desk = await stripPage();
    const answer = sendMessage.getMockImplementation()!;
    sendMessage.mockImplementation(async (message) => (message.type === 'incidents/card' ? TOO_MANY_LOOKUPS : answer(message)));
    const reply = desk.page.adapter?.findReplyEditor(desk.doc, EDITORS);
    const before = reply?.textContent;
    dispatchTrusted(desk.button('Insert update for INC-123')!, new desk.view.MouseEvent('click', { bubbles: true }));
    await desk.settle();
    expect(sendMessage).toHaveBeenCalledWith({ type: 'incidents/card', payload: { ref: 'INC-123' } });
    const note = desk.page.mounted?.shadow.querySelector('.note');
    expect(note?.textContent).toBe('Too many lookups from this page. Wait 12 s and try again.');
    expect(reply?.textContent).toBe(before);
  });
});
