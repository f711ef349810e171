// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { adapterForUrl, detectAdapter } from '@/lib/helpdesk/registry';
import { FIXTURES, loadFixture } from '@/lib/helpdesk/fixtures/load-fixture';
import { claimMatchesTab, sameOriginAsTab } from './ticket-claim';

describe('a help-desk page may only name its own ticket', () => {
  it.each(FIXTURES)('%s: the ticket its adapter reads from the page matches the tab; another ticket does not', (name) => {
    const { doc, url } = loadFixture(name);
    const ticket = (adapterForUrl(url) ?? detectAdapter(doc, url))?.readTicket(doc, url);
    expect(ticket).toBeTruthy();
    expect(claimMatchesTab(ticket!.attachment.externalId, url.href)).toBe(true);
    // Another ticket of the same desk: the id in the URL bumped by one digit.
    const other = ticket!.attachment.externalId.replace(/(\d)(?!.*\d)/, (d) => String((Number(d) + 1) % 10));
    expect(claimMatchesTab(other, url.href)).toBe(false);
  });

  it('refuses another ticket, another tenant’s URL, a non-ticket tab and a missing tab URL', () => {
    const tab = 'https://acme.zendesk.com/agent/tickets/42';
    expect(claimMatchesTab('42', tab)).toBe(true);
    expect(claimMatchesTab('43', tab)).toBe(false);
    expect(claimMatchesTab('https://evil.zendesk.com/agent/tickets/42', tab)).toBe(false);
    expect(claimMatchesTab('42', 'https://acme.zendesk.com/agent/dashboard')).toBe(false);
    expect(claimMatchesTab('42', undefined)).toBe(false);
    const rt = 'https://rt.example.org/rt/Ticket/Display.html?id=7';
    expect(claimMatchesTab('https://rt.example.org/rt/Ticket/Display.html?id=7', rt)).toBe(true);
    expect(claimMatchesTab('https://rt.example.org/rt/Ticket/Display.html?id=8', rt)).toBe(false);
    expect(claimMatchesTab('7', rt)).toBe(false);
  });

  it('a link target must be on the tab’s origin', () => {
    expect(sameOriginAsTab('https://acme.zendesk.com/agent/tickets/42', 'https://acme.zendesk.com/agent/tickets/42')).toBe(true);
    expect(sameOriginAsTab('https://evil.example/agent/tickets/42', 'https://acme.zendesk.com/agent/tickets/42')).toBe(false);
    expect(sameOriginAsTab('https://evil.example/', undefined)).toBe(false);
  });
});
