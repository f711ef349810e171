import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { TabReplies } from '@/lib/content/tab-protocol';
import { replySchemas, webUrl } from './helpdesk-tab';

describe('replies from help-desk tabs', () => {
  it('the schemas accept what the content script promises to send', () => {
    expectTypeOf<TabReplies['ticket/read']>().toExtend<z.input<(typeof replySchemas)['ticket/read']>>();
    expectTypeOf<TabReplies['reply/insert']>().toExtend<z.input<(typeof replySchemas)['reply/insert']>>();
  });

  it('a page cannot smuggle a bogus ticket or an oversized reason through', () => {
    const url = 'https://acme.zendesk.com/agent/tickets/1';
    const ticket = { desk: 'zendesk', id: '1', subject: 's', url, attachment: { resourceType: 'zendesk_ticket', externalId: '1', title: 't', url } };
    expect(replySchemas['ticket/read'].safeParse({ ticket, selection: '' }).success).toBe(true);
    expect(replySchemas['ticket/read'].safeParse({ ticket: { ...ticket, url: 'javascript:alert(1)' }, selection: '' }).success).toBe(false);
    expect(replySchemas['ticket/read'].safeParse({ ticket: { ...ticket, attachment: { ...ticket.attachment, url: 'data:text/html,x' } }, selection: '' }).success).toBe(false);
    expect(replySchemas['reply/insert'].safeParse({ ok: false, reason: 'x'.repeat(5_000) }).success).toBe(false);
    expect(replySchemas['reply/insert'].safeParse({ ok: true, method: 'paste' }).success).toBe(true);
  });
});

describe('webUrl', () => {
  it.each([
    ['https://support.example.org/tickets/1?x=1', 'https://support.example.org/tickets/1?x=1'],
    ['http://127.0.0.1:8080/Ticket/Display.html?id=1', 'http://127.0.0.1:8080/Ticket/Display.html?id=1'],
    ['chrome://extensions', null],
    ['chrome-extension://abc/sidepanel.html', null],
    [undefined, null],
    ['javascript:alert(1)', null],
  ])('%s → %s', (url, expected) => {
    expect(webUrl(url)).toBe(expected);
  });
});
