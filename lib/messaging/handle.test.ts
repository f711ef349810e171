import { describe, expect, it, vi } from 'vitest';
import { callerLevel } from './access';
import { createRouter, type Handlers } from './handle';
import { protocol } from './protocol';

const self = { runtimeId: 'copilot-id', origin: 'chrome-extension://copilot-id' };
const sidePanel = { id: 'copilot-id', url: 'chrome-extension://copilot-id/sidepanel.html' };
const panelInTab = { ...sidePanel, tab: { id: 3, url: 'chrome-extension://copilot-id/sidepanel.html' } };
const helpdesk = { id: 'copilot-id', url: 'https://acme.zendesk.com/agent/tickets/1', tab: { id: 7, url: 'https://acme.zendesk.com/agent/tickets/1' } };

function routerWith(overrides: Partial<Handlers>) {
  const handlers = new Proxy(overrides, {
    get: (target, key: string) => target[key as keyof Handlers] ?? vi.fn(async () => ({})),
  }) as Handlers;
  return createRouter(handlers, self);
}

describe('callerLevel (decided on the browser-stamped sender only)', () => {
  it.each([
    ['the side panel', sidePanel, 'agent'],
    ['the side panel opened as a tab', panelInTab, 'agent'],
    ['a help-desk content script', helpdesk, 'helpdesk'],
    ['another extension', { ...sidePanel, id: 'evil-id' }, null],
    ['a sender without a tab or extension URL', { id: 'copilot-id', url: 'https://acme.zendesk.com/' }, null],
    ['a page claiming an extension URL in its tab but running on the web', { ...helpdesk, tab: { id: 7, url: 'chrome-extension://copilot-id/x' } }, 'helpdesk'],
    ['a non-http document in a tab', { id: 'copilot-id', url: 'file:///tmp/x.html', tab: { id: 2 } }, null],
  ] as const)('%s → %s', (_name, sender, level) => {
    expect(callerLevel(sender, self)).toBe(level);
  });
});

describe('router', () => {
  it('refuses every write from a help-desk page without calling the handler', async () => {
    const writes = Object.entries(protocol).filter(([, spec]) => spec.access === 'agent').map(([type]) => type);
    expect(writes).toEqual(expect.arrayContaining(['incidents/create', 'incidents/set-status', 'attachments/create', 'connection/connect']));
    const create = vi.fn();
    const route = routerWith({ 'incidents/create': create });
    for (const type of writes) {
      const reply = await route({ type, payload: {} }, helpdesk);
      expect(reply).toMatchObject({ ok: false, error: { kind: 'not_allowed' } });
    }
    expect(create).not.toHaveBeenCalled();
  });

  it('answers reads from help-desk pages with the caller level so handlers can filter private incidents', async () => {
    const open = vi.fn(async () => ({ incidents: [], fetchedAt: 1, complete: true }));
    const route = routerWith({ 'incidents/open': open });
    await expect(route({ type: 'incidents/open', payload: {} }, helpdesk)).resolves.toEqual({ ok: true, data: { incidents: [], fetchedAt: 1, complete: true } });
    expect(open).toHaveBeenCalledWith({}, { level: 'helpdesk', tabId: 7, tabUrl: 'https://acme.zendesk.com/agent/tickets/1' });
  });

  it('ignores messages from other extensions entirely', async () => {
    await expect(routerWith({})({ type: 'incidents/open', payload: {} }, { ...sidePanel, id: 'evil-id' })).resolves.toBeNull();
  });

  it.each([
    ['an unknown type', { type: 'incidents/delete-all', payload: {} }, 'not_allowed'],
    ['a prototype key as type', { type: '__proto__', payload: {} }, 'not_allowed'],
    ['a payload that breaks the schema', { type: 'incidents/get', payload: { ref: 42 } }, 'bad_input'],
    ['no envelope at all', 'incidents/open', 'not_allowed'],
  ])('rejects %s with an error envelope', async (_name, message, kind) => {
    await expect(routerWith({})(message, sidePanel)).resolves.toMatchObject({ ok: false, error: { kind } });
  });

  it('checks handler replies against the protocol, so undeclared fields never leave the background', async () => {
    const route = routerWith({
      'settings/update': vi.fn(async () => ({ apiKey: 'secret' }) as never),
    });
    const reply = await route({ type: 'settings/update', payload: {} }, sidePanel);
    expect(reply).toMatchObject({ ok: false });
    expect(JSON.stringify(reply)).not.toContain('secret');
  });

  it('turns thrown errors into actionable ErrorInfo, never "Unknown error"', async () => {
    const route = routerWith({ 'incidents/open': vi.fn(async () => { throw new TypeError('Failed to fetch'); }) });
    const reply = await route({ type: 'incidents/open', payload: {} }, sidePanel);
    expect(reply).toMatchObject({ ok: false });
    expect(JSON.stringify(reply)).not.toMatch(/unknown error/i);
  });
});
