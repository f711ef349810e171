import { describe, expect, it } from 'vitest';
import { enableableOrigin } from './site-access';

describe('enableableOrigin', () => {
  it.each([
    ['https://support.example.org/#ticket/zoom/412', 'https://support.example.org'],
    ['http://127.0.0.1:8080/Ticket/Display.html?id=1', 'http://127.0.0.1:8080'],
    ['https://rt.example.org/rt/Ticket/Display.html?id=1', 'https://rt.example.org'],
  ])('%s can be enabled as %s', (url, origin) => {
    expect(enableableOrigin(url)).toBe(origin);
  });

  it.each([
    ['https://acme.zendesk.com/agent/tickets/1'], // built in
    ['https://secure.helpscout.net/conversation/1/2'],
    ['chrome://extensions'],
    ['http://support.example.org/tickets/1'], // plain http off this computer (issue 14 §10)
    ['file:///tmp/x.html'],
    ['not a url'],
  ])('%s cannot', (url) => {
    expect(enableableOrigin(url)).toBeNull();
  });
});
