// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { zendesk } from '../../lib/helpdesk/adapters/zendesk';
import { appendMessage, MENTION_EVERY, messageText, zendeskTicketWithMessages } from './ticket-page';
import { EDITORS } from '@/lib/helpdesk/editors/find';

describe('generated Zendesk ticket pages', () => {
  it('hold the requested number of messages, which the Zendesk adapter reads as the conversation', () => {
    document.documentElement.innerHTML = zendeskTicketWithMessages(200);
    const roots = Array.from(zendesk.messageList(document));
    expect(roots).toHaveLength(200);
    const mentioning = roots.filter((root) => /INC-\d+/.test(root.textContent ?? ''));
    expect(mentioning).toHaveLength(200 / MENTION_EVERY);
    expect(zendesk.findReplyEditor(document, EDITORS)).not.toBeNull();
  });

  it('grow by one message per appended reply', () => {
    document.documentElement.innerHTML = zendeskTicketWithMessages(3);
    appendMessage(messageText(MENTION_EVERY));
    const roots = Array.from(zendesk.messageList(document));
    expect(roots).toHaveLength(4);
    expect(roots[3]?.textContent).toContain('INC-');
  });
});
