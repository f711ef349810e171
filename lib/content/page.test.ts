// @vitest-environment jsdom
import { deskPage, sendMessage } from './features/test-harness';
import { afterEach, describe, expect, it } from 'vitest';

let stop = () => {};
afterEach(() => {
  stop();
  sendMessage.mockReset();
});

describe('the page core', () => {
  it('reads the desk and ticket from the URL and DOM at start, and says so once', async () => {
    const desk = await deskPage('zendesk');
    stop = desk.stop;
    const events: string[] = [];
    desk.page.on('ticket', () => events.push('ticket'));
    desk.page.start();
    expect(desk.page.adapter?.id).toBe('zendesk');
    expect(desk.page.ticketKey).toBe('zendesk:48213');
    expect(events).toEqual(['ticket']);
    desk.page.readPage();
    expect(events).toEqual(['ticket']);
  });

  it('runs what waits for layout once per layout, reads before writes, however often it was asked', async () => {
    const desk = await deskPage('zendesk');
    stop = desk.stop;
    const order: string[] = [];
    const write = () => order.push('write');
    const read = () => order.push('read');
    desk.page.afterLayout(write);
    desk.page.afterLayout(write);
    desk.page.afterLayout(read, 'read');
    expect(order).toEqual([]); // nothing before layout
    desk.layout();
    expect(order).toEqual(['read', 'write']);
    desk.layout();
    expect(order).toEqual(['read', 'write']);
  });

  it('writes nothing to the page until a feature has something to show', async () => {
    const desk = await deskPage('zendesk');
    stop = desk.stop;
    desk.page.start();
    desk.layout();
    expect(desk.doc.querySelector('incident-copilot-ui')).toBeNull();
    expect(desk.page.mounted).toBeNull();
  });

  it('forgets the references of the last ticket when another is shown', async () => {
    const desk = await deskPage('zendesk');
    stop = desk.stop;
    desk.page.start();
    desk.page.noteRefs(['INC-123']);
    const version = desk.page.version;
    desk.dom.reconfigure({ url: 'https://acme.zendesk.com/agent/tickets/50001' });
    desk.page.readPage();
    expect(desk.page.ticketKey).toBe('zendesk:50001');
    expect([...desk.page.seen]).toEqual([]);
    expect(desk.page.version).toBeGreaterThan(version);
  });
});
