import { createRequire } from 'node:module';
import { vi } from 'vitest';
import { type FixtureName, loadFixture } from '@/lib/helpdesk/fixtures/load-fixture';
import type { PublicIncident } from '@/lib/messaging/public-incident';

/**
 * For the features' jsdom tests: a stand-in `chrome.runtime` (installed when this module is first
 * imported, before ext.ts reads it: import this first) and a desk fixture page with an
 * IntersectionObserver whose "layout" the test runs.
 */
type Listener = (message: unknown, sender: { id?: string; url?: string; tab?: unknown }, reply: (value: unknown) => void) => unknown;
export const listeners = new Set<Listener>();
export const sendMessage = vi.fn(async (_message: { type: string; payload: unknown }): Promise<unknown> => undefined);
const runtime = {
  id: 'copilot-id',
  getURL: (path: string) => `chrome-extension://copilot-id${path}`,
  onMessage: { addListener: (fn: Listener) => listeners.add(fn), removeListener: (fn: Listener) => listeners.delete(fn) },
  sendMessage,
};
(globalThis as { chrome?: unknown }).chrome = { runtime };
// jsdom has no constructable stylesheets; the overlay's styles don't matter to these tests.
if (typeof CSSStyleSheet !== 'undefined' && !('replaceSync' in CSSStyleSheet.prototype)) {
  Object.assign(CSSStyleSheet.prototype, { replaceSync() {} });
}

type EventImpl = { isTrusted: boolean; _dispatch(event: EventImpl): boolean };
const jsdomImpl = createRequire(import.meta.url)('jsdom/lib/jsdom/living/generated/utils.js') as { implForWrapper(wrapper: object): EventImpl };

/**
 * Dispatches an event as the browser delivers real input. jsdom marks every script-dispatched event
 * untrusted (`isTrusted` is unforgeable), so this goes through jsdom's internal dispatch with the flag set.
 */
export function dispatchTrusted(target: EventTarget, event: Event): void {
  const impl = jsdomImpl.implForWrapper(event);
  impl.isTrusted = true;
  jsdomImpl.implForWrapper(target)._dispatch(impl);
}

/** What the background answers a help-desk tab past its lookup bucket (lib/background/lookup-limit.ts). */
export const TOO_MANY_LOOKUPS = { ok: false, error: { kind: 'rate_limited', message: 'Too many lookups from this page. Wait 12 s and try again.' } };

/** A message from the extension's background to this tab. */
export function fromBackground(message: unknown): unknown[] {
  const replies: unknown[] = [];
  for (const fn of listeners) fn(message, { id: 'copilot-id' }, (reply) => replies.push(reply));
  return replies;
}

/** Answers the content script's reads by type; a type without an answer fails as the background would. */
export function answerReads(answers: Record<string, (payload: never) => unknown>) {
  sendMessage.mockImplementation(async ({ type, payload }) => {
    const answer = answers[type];
    return answer ? { ok: true, data: await answer(payload as never) } : { ok: false, error: { kind: 'not_allowed', message: `no ${type}` } };
  });
}

export async function deskPage(name: FixtureName = 'zendesk') {
  const { dom, doc } = loadFixture(name);
  const view = dom.window as unknown as Window & typeof globalThis;
  const observed = new Set<Element>();
  let callback: ((entries: IntersectionObserverEntry[]) => void) | null = null;
  (view as { IntersectionObserver: unknown }).IntersectionObserver = class {
    constructor(fn: (entries: IntersectionObserverEntry[]) => void) {
      callback = fn;
    }
    observe(el: Element) { observed.add(el); }
    unobserve(el: Element) { observed.delete(el); }
    disconnect() { observed.clear(); }
  };
  // The page's own signals: its listeners take only its own AbortSignal.
  vi.stubGlobal('AbortController', view.AbortController);
  const { startPageLife } = await import('../page-life');
  const { createPage } = await import('../page');
  const { ADAPTERS } = await import('@/lib/helpdesk/registry');
  const life = startPageLife(view);
  const page = createPage(life, ADAPTERS, doc);
  /** A layout: every watched element reported, as near the viewport. */
  const layout = () => {
    const entries = [...observed].map((target) => ({ target, isIntersecting: true, boundingClientRect: target.getBoundingClientRect() }) as IntersectionObserverEntry);
    if (entries.length) callback?.(entries);
  };
  /** Lets the page's promises and 0-ms work run. */
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const stop = () => {
    vi.unstubAllGlobals();
    dom.window.close();
  };
  return { dom, doc, view, life, page, layout, settle, stop };
}

/** An open public incident as help-desk pages receive it. */
export const checkoutIncident: PublicIncident = {
  id: '01HINC123', reference: 'INC-123', name: 'Checkout failing', mode: 'standard',
  incident_status: { name: 'Investigating', category: 'live' }, severity: { name: 'Critical', rank: 3 },
  created_at: '2026-03-10T11:00:00Z', updated_at: '2026-03-10T11:30:00Z', latest_update: null,
};
