import { describe, expect, it } from 'vitest';
import { isFromExtension, MAX_INSERT_CHARS, parseTabRequest } from './tab-protocol';

const self = { runtimeId: 'abcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnop' };

describe('isFromExtension: which senders a help-desk content script obeys', () => {
  it('accepts the background and the side panel', () => {
    expect(isFromExtension({ id: self.runtimeId, url: 'chrome-extension://abcdefghijklmnop/background.js' }, self)).toBe(true);
    expect(isFromExtension({ id: self.runtimeId, url: 'chrome-extension://abcdefghijklmnop/sidepanel.html' }, self)).toBe(true);
    expect(isFromExtension({ id: self.runtimeId }, self)).toBe(true);
  });

  it('refuses anything from a tab (web pages, content scripts), other extensions and foreign documents', () => {
    expect(isFromExtension({ id: self.runtimeId, url: 'https://acme.zendesk.com/agent/tickets/1', tab: { id: 3 } }, self)).toBe(false);
    expect(isFromExtension({ id: self.runtimeId, url: 'chrome-extension://abcdefghijklmnop/sidepanel.html', tab: { id: 3 } }, self)).toBe(false);
    expect(isFromExtension({ id: 'someotherextension', url: 'chrome-extension://someotherextension/bg.js' }, self)).toBe(false);
    expect(isFromExtension({ id: self.runtimeId, url: 'https://evil.example/' }, self)).toBe(false);
    expect(isFromExtension({ id: self.runtimeId, url: 'chrome-extension://abcdefghijklmnopq/x' }, self)).toBe(false);
  });
});

describe('parseTabRequest', () => {
  it('knows the two requests', () => {
    expect(parseTabRequest({ type: 'ticket/read' })).toEqual({ type: 'ticket/read' });
    expect(parseTabRequest({ type: 'reply/insert', text: 'Update: resolved.' })).toEqual({ type: 'reply/insert', text: 'Update: resolved.' });
  });

  it('refuses malformed, empty, oversized or unknown requests', () => {
    for (const message of [null, 'ticket/read', {}, { type: 'reply/insert' }, { type: 'reply/insert', text: '  ' },
      { type: 'reply/insert', text: 'x'.repeat(MAX_INSERT_CHARS + 1) }, { type: 'reply/insert', text: 42 }, { type: 'attachments/create' }]) {
      expect(parseTabRequest(message)).toBeNull();
    }
  });
});
