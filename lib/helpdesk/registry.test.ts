// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { generic } from './adapters/generic';
import { osticket } from './adapters/osticket';
import { requestTracker } from './adapters/request-tracker';
import { zammad } from './adapters/zammad';
import { freescout } from './adapters/freescout';
import { FIXTURES, fixtureUrl, loadFixture } from './fixtures/load-fixture';
import { matchesPattern } from './match-pattern';
import { ADAPTERS, adapterForUrl, detectAdapter, saasMatchPatterns } from './registry';

const blank = () => new DOMParser().parseFromString('<!DOCTYPE html><title>x</title><p>hello</p>', 'text/html');

describe('adapterForUrl: SaaS desks by their real URL shapes', () => {
  it.each([
    ['https://acme.zendesk.com/agent/tickets/48213', 'zendesk', '48213'],
    ['https://acme.zendesk.com/agent/tickets/48213/events', 'zendesk', '48213'],
    ['https://acme.zendesk.com/agent/dashboard', 'zendesk', null],
    ['https://app.intercom.com/a/inbox/abc123de/inbox/admin/5512/conversation/184000012345678', 'intercom', '184000012345678'],
    ['https://app.eu.intercom.com/a/inbox/abc123de/inbox/shared/all/conversation/184000012345678?view=List', 'intercom', '184000012345678'],
    ['https://app.au.intercom.com/a/apps/abc123de/inbox/inbox/conversation/77', 'intercom', '77'],
    ['https://acme.freshdesk.com/a/tickets/7734', 'freshdesk', '7734'],
    ['https://acme.freshdesk.com/a/tickets/filters/all_tickets', 'freshdesk', null],
    ['https://app.hubspot.com/help-desk/4410592/view/all-open/ticket/18822910457', 'hubspot', '18822910457'],
    ['https://app-eu1.hubspot.com/help-desk/25518732/view/search/ticket/18822910457/thread/7731', 'hubspot', '18822910457'],
    ['https://app.hubspot.com/contacts/4410592/record/0-5/18822910457', 'hubspot', '18822910457'],
    ['https://app.hubspot.com/live-messages/4410592/inbox/991', 'hubspot', null],
    ['https://secure.helpscout.net/conversation/2817263541/4521/?folderId=7012', 'helpscout', '4521'],
    ['https://app.frontapp.com/open/cnv_8h3k2p1', 'front', 'cnv_8h3k2p1'],
    ['https://acme.frontapp.com/inboxes/shared/support/open/cnv_8h3k2p1', 'front', 'cnv_8h3k2p1'],
    ['https://acme.gorgias.com/app/ticket/30917254', 'gorgias', '30917254'],
    ['https://acme.gorgias.com/app/views/118823/30917254', 'gorgias', '30917254'],
  ])('%s → %s ticket %s', (href, desk, id) => {
    const url = new URL(href);
    const adapter = adapterForUrl(url);
    expect(adapter?.id).toBe(desk);
    expect(adapter?.ticketIdFromUrl(url)).toBe(id);
  });

  it.each([
    'https://zendesk.com.attacker.example/agent/tickets/1', // lookalike host
    'https://notzendesk.com/agent/tickets/1',
    'https://acme.zendesk.com/hc/en-us/requests/1', // help centre, not the agent UI
    'http://acme.zendesk.com/agent/tickets/1', // not https
    'https://support.example.org/#ticket/zoom/412', // self-hosted: needs DOM proof
  ])('claims no SaaS desk for %s', (href) => {
    expect(adapterForUrl(new URL(href))).toBeNull();
  });
});

describe('self-hosted desks: ids from URL shapes', () => {
  it.each([
    [requestTracker, 'http://127.0.0.1:8080/Ticket/Display.html?id=1', '1'],
    [requestTracker, 'http://127.0.0.1:8080/Ticket/Update.html?Action=Respond;id=1', '1'], // RT's ';' separator
    [requestTracker, 'https://rt.example.org/rt/Ticket/Update.html?Action=Comment;id=17', '17'],
    [requestTracker, 'https://rt.example.org/Search/Results.html?Query=id=1', null],
    [zammad, 'https://support.example.org/#ticket/zoom/412', '412'],
    [zammad, 'https://support.example.org/#ticket/zoom/412/1877', '412'],
    [zammad, 'https://support.example.org/desktop/tickets/412', '412'],
    [zammad, 'https://support.example.org/#dashboard', null],
    [freescout, 'https://help.example.org/conversation/1207?folder_id=3', '1207'],
    [osticket, 'https://support.example.org/scp/tickets.php?id=58', '58'],
    [osticket, 'https://support.example.org/tickets.php?id=58', '58'],
    [osticket, 'https://support.example.org/scp/users.php?id=58', null],
    [generic, 'https://desk.example.org/app/conversations/c-93a1', 'c-93a1'],
    [generic, 'https://helpdesk.example.org/view.php?id=87', '87'],
    [generic, 'https://desk.example.org/#ticket/zoom/87', '87'],
    [generic, 'https://desk.example.org/tickets/new', null],
  ])('%# %s', (adapter, href, id) => {
    expect(adapter.ticketIdFromUrl(new URL(href))).toBe(id);
  });
});

describe('detectAdapter', () => {
  it('trusts a self-hosted desk only with its DOM anchors: the same URL without them is generic', () => {
    const url = new URL('https://help.example.org/conversation/1207');
    expect(detectAdapter(loadFixture('freescout', url.href).doc, url)?.id).toBe('freescout');
    expect(detectAdapter(blank(), url)?.id).toBe('generic');
  });

  it('recognises RT by its anchors under a different web path and host', () => {
    const url = 'https://rt.example.org/rt/Ticket/Update.html?Action=Respond;id=1';
    const { doc } = loadFixture('request-tracker', url);
    const adapter = detectAdapter(doc, new URL(url));
    expect(adapter?.id).toBe('request-tracker');
    expect(adapter?.readTicket(doc, new URL(url))?.url).toBe('https://rt.example.org/rt/Ticket/Display.html?id=1');
  });

  it('names the desk on a non-ticket page of a SaaS desk, with no ticket to read', () => {
    const url = new URL('https://acme.zendesk.com/agent/dashboard');
    const adapter = detectAdapter(blank(), url);
    expect(adapter?.id).toBe('zendesk');
    expect(adapter?.readTicket(blank(), url)).toBeNull();
  });

  it('gives up on pages that are neither a known desk nor ticket-like', () => {
    expect(detectAdapter(blank(), new URL('https://news.example.com/2026/03/article'))).toBeNull();
  });
});

describe('manifest match patterns', () => {
  it('lists the SaaS desks and no self-hosted ones', () => {
    expect(saasMatchPatterns().sort()).toEqual([
      'https://*.freshdesk.com/a/*', 'https://*.frontapp.com/*', 'https://*.gorgias.com/app/*', 'https://*.zendesk.com/agent/*',
      'https://app-eu1.hubspot.com/*', 'https://app.au.intercom.com/*', 'https://app.eu.intercom.com/*', 'https://app.hubspot.com/*',
      'https://app.intercom.com/*', 'https://secure.helpscout.net/*',
    ]);
    expect(ADAPTERS.filter((a) => a.selfHosted).every((a) => a.matches.length === 0)).toBe(true);
  });

  it.each(FIXTURES)('%s: the fixture URL is covered by a pattern exactly when the desk is SaaS', (name) => {
    const url = new URL(fixtureUrl(name));
    const { doc } = loadFixture(name);
    const covered = saasMatchPatterns().some((pattern) => matchesPattern(pattern, url));
    expect(covered).toBe(!detectAdapter(doc, url)!.selfHosted);
  });

  it('follows Chrome semantics: *. covers the bare domain, the path glob covers the query', () => {
    expect(matchesPattern('https://*.zendesk.com/agent/*', new URL('https://zendesk.com/agent/x'))).toBe(true);
    expect(matchesPattern('https://app.intercom.com/*', new URL('https://app.intercom.com/?q=1'))).toBe(true);
    expect(matchesPattern('https://*.gorgias.com/app/*', new URL('https://acme.gorgias.com/login'))).toBe(false);
  });
});
