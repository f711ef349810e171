// @vitest-environment jsdom
import { answerReads, deskPage, listeners, sendMessage } from './test-harness';
import { afterEach, describe, expect, it } from 'vitest';
import { insertIntoReply } from '../actions';
import { requesterOf } from '@/lib/helpdesk/requester';
import { registerUi, type UiModule } from '../ui-hook';
import { createUiLoader } from '../ui-loader';
import * as tabRequests from './tab-requests';

const ui: UiModule = { strip: () => {}, hoverCard: () => {}, insertIntoReply, ticketFeatures: () => {}, requester: () => undefined };

let stop = () => {};
afterEach(() => {
  stop();
  sendMessage.mockReset();
});

function ask(message: unknown, sender: { id?: string; url?: string; tab?: unknown }): Promise<unknown> {
  return new Promise((resolve) => {
    for (const fn of listeners) if (fn(message, sender, resolve) !== true) resolve('not answered');
  });
}

describe('requests from the extension', () => {
  it('reads the ticket and its requester for the background, and answers no tab (a content script elsewhere)', async () => {
    const desk = await deskPage('zendesk');
    stop = desk.stop;
    answerReads({ 'helpdesk/ui': () => {
      registerUi({ ...ui, requester: (page) => (page.adapter ? requesterOf(page.adapter, page.doc) : undefined) });
      return {};
    } });
    tabRequests.init(desk.page, desk.life);
    desk.page.start();
    await expect(ask({ type: 'ticket/read' }, { id: 'copilot-id' })).resolves.toMatchObject({
      ticket: { desk: 'zendesk', attachment: { externalId: expect.stringContaining('48213') }, requester: { email: 'alice@example-shop.com', organisation: 'Example Shop' } },
      selection: '',
    });
    await expect(ask({ type: 'ticket/read' }, { id: 'copilot-id', tab: { id: 3 }, url: 'https://evil.example/' })).resolves.toBe('not answered');
  });

  it('types the extension\'s text into the reply editor, and refuses an over-long one', async () => {
    const desk = await deskPage('generic');
    stop = desk.stop;
    // The background injects the UI script, which hands over its editors.
    answerReads({ 'helpdesk/ui': () => {
      registerUi(ui);
      return {};
    } });
    tabRequests.init(desk.page, desk.life);
    desk.page.start();
    await expect(ask({ type: 'reply/insert', text: 'Status: investigating.' }, { id: 'copilot-id' })).resolves.toMatchObject({ ok: true });
    expect(desk.doc.body.innerHTML + [...desk.doc.querySelectorAll('textarea')].map((t) => t.value).join()).toContain('Status: investigating.');
    await expect(ask({ type: 'reply/insert', text: 'x'.repeat(6_000) }, { id: 'copilot-id' })).resolves.toBe('not answered');
  });

  it('reads the ticket without its requester when the UI can not be loaded', async () => {
    const desk = await deskPage('zendesk');
    stop = desk.stop;
    tabRequests.init(desk.page, desk.life, createUiLoader(async () => { throw new Error('Incident Copilot is restarting.'); }));
    desk.page.start();
    const reply = await ask({ type: 'ticket/read' }, { id: 'copilot-id' }) as { ticket: { id: string; requester?: unknown } };
    expect(reply.ticket.id).toBe('48213');
    expect(reply.ticket.requester).toBeUndefined();
  });

  it('says why when the editors could not be loaded', async () => {
    const desk = await deskPage('generic');
    stop = desk.stop;
    tabRequests.init(desk.page, desk.life, createUiLoader(async () => { throw new Error('Incident Copilot is restarting.'); }));
    desk.page.start();
    await expect(ask({ type: 'reply/insert', text: 'Hello' }, { id: 'copilot-id' })).resolves.toMatchObject({ ok: false, reason: 'Incident Copilot is restarting.' });
  });
});
