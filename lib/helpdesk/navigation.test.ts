// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { loadFixture } from './fixtures/load-fixture';
import { detectAdapter } from './registry';
import { EDITORS } from '@/lib/helpdesk/editors/find';

/** What the content script does on an in-app navigation (Navigation API): detect and read again from scratch. */
function reread(doc: Document, href: string) {
  const url = new URL(href);
  const adapter = detectAdapter(doc, url)!;
  return {
    ticket: adapter.readTicket(doc, url),
    refs: Array.from(adapter.messageList(doc)).flatMap((root) => root.textContent?.match(/INC-\d+/g) ?? []),
    editor: adapter.findReplyEditor(doc, EDITORS),
  };
}

describe('SPA navigation and multi-pane desks', () => {
  it('Zendesk: switching ticket tabs moves every reading to the newly active pane', async () => {
    const { dom, doc } = loadFixture('zendesk-multipane');
    const [first, second] = doc.querySelectorAll('[data-test-id="ticket-panel"]');
    expect(reread(doc, dom.window.location.href).ticket?.id).toBe('48230');

    // Zendesk's router: the URL changes and the other pane becomes active; both stay in the DOM.
    dom.reconfigure({ url: 'https://acme.zendesk.com/agent/tickets/48213' });
    first!.setAttribute('data-is-active', 'true');
    second!.setAttribute('data-is-active', 'false');
    await Promise.resolve(); // the desk switches in its own task: one lookup of the pane serves a task (perTask)

    const after = reread(doc, dom.window.location.href);
    expect(after.ticket).toMatchObject({ id: '48213', subject: 'Checkout failing for EU customers' });
    expect(after.refs).toEqual(['INC-123']);
    expect(first!.contains(after.editor)).toBe(true);
  });

  it('Intercom: the conversation view re-renders in place for another conversation', () => {
    const { dom, doc } = loadFixture('intercom');
    expect(reread(doc, dom.window.location.href).ticket?.id).toBe('184000012345678');

    const next = 'https://app.eu.intercom.com/a/inbox/abc123de/inbox/admin/5512/conversation/184000099999999';
    dom.reconfigure({ url: next });
    doc.querySelector('[data-inbox-conversation-header-title]')!.textContent = 'Exports are slow';
    const part = doc.createElement('div');
    part.dataset.partGroupId = '92001';
    part.innerHTML = '<div class="interblocks-html"><p>Exports take an hour. INC-789?</p></div>';
    doc.querySelector('[data-testid="conversation-stream-scroll-container"]')!.replaceChildren(part);

    const after = reread(doc, next);
    expect(after.ticket).toMatchObject({
      id: '184000099999999', subject: 'Exports are slow',
      url: 'https://app.eu.intercom.com/a/inbox/abc123de/inbox/conversation/184000099999999',
    });
    expect(after.refs).toEqual(['INC-789']);
  });

  it('Zammad: a hash route change to another open tab reads that tab', () => {
    const { dom, doc } = loadFixture('zammad');
    const [other, current] = doc.querySelectorAll('.content');
    dom.reconfigure({ url: 'https://support.example.org/#ticket/zoom/398' });
    current!.classList.remove('active');
    other!.classList.add('active');

    const after = reread(doc, dom.window.location.href);
    expect(after.ticket).toMatchObject({ id: '398', subject: 'Cannot download invoices', url: 'https://support.example.org/#ticket/zoom/398' });
    expect(after.ticket?.attachment.title).toBe('Zammad #31002: Cannot download invoices');
    expect(after.refs).toEqual(['INC-789']);
    expect(other!.contains(after.editor)).toBe(true);
  });

  it('a navigation away from any ticket reads no ticket', () => {
    const { dom, doc } = loadFixture('zendesk');
    dom.reconfigure({ url: 'https://acme.zendesk.com/agent/dashboard' });
    expect(reread(doc, dom.window.location.href).ticket).toBeNull();
  });
});
