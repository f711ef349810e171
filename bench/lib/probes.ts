import type { Page, Worker } from '@playwright/test';
import { beforePageScripts, run } from './in-browser';

/**
 * Marks in the side panel page, in ms since its navigation start: `firstRow` when the first incident
 * row is painted, `allRows` when the group counts add up to `expectRows`. "Painted" is the first task
 * after the next animation frame (a rAF callback runs just before the frame is painted).
 */
export interface PanelMarks {
  firstRow?: number;
  /** When the first row was added to the DOM (its paint follows at `firstRow`). */
  firstRowPending?: number;
  allRows?: number;
  /** The document's own milestones: HTML parsed, then its module scripts run (DOMContentLoaded). */
  domInteractive?: number;
  domContentLoaded?: number;
  timeOrigin: number;
  /** Each runtime message the page sent: type, when sent, when its reply came. */
  messages: { type: string; sent: number; replied?: number }[];
}

function installPanelProbe(expectRows: number) {
  const messages: PanelMarks['messages'] = [];
  const marks: { [name: string]: unknown } = { timeOrigin: performance.timeOrigin, messages };
  (window as unknown as { __benchMarks: typeof marks }).__benchMarks = marks;
  // Where the time goes: the page's round trips to the background.
  const runtime = (globalThis as unknown as { browser?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }).browser?.runtime;
  const send = runtime?.sendMessage;
  if (runtime && send) {
    runtime.sendMessage = function (this: unknown, ...args: unknown[]) {
      const entry: PanelMarks['messages'][number] = { type: String((args[0] as { type?: unknown } | undefined)?.type), sent: performance.now() };
      messages.push(entry);
      const reply = send.apply(this, args);
      void reply.then(() => { entry.replied = performance.now(); }, () => undefined);
      return reply;
    };
  }
  const stamp = (name: string) => {
    if (name in marks || `${name}Pending` in marks) return;
    marks[`${name}Pending`] = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        marks[name] = performance.now();
        console.debug(`bench-mark:${name}`); // for panelMarksOf, which listens instead of polling
      };
      channel.port2.postMessage(0);
    });
  };
  new MutationObserver(() => {
    if (document.querySelector('.incident-rows li')) stamp('firstRow');
    let total = 0;
    for (const el of document.querySelectorAll('.group-heading .count')) total += Number(el.textContent);
    if (total >= expectRows) stamp('allRows');
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

export async function addPanelProbe(page: Page, expectRows: number): Promise<void> {
  await beforePageScripts(page, installPanelProbe, expectRows);
}

export async function panelMarks(page: Page, waitFor: 'firstRow' | 'allRows', timeoutMs = 30_000): Promise<PanelMarks> {
  // A function, not source text: Playwright polls a string predicate with eval, which the extension page's CSP forbids.
  await page.waitForFunction(
    (name) => (window as unknown as { __benchMarks?: Record<string, number> }).__benchMarks?.[name] !== undefined,
    waitFor, { timeout: timeoutMs, polling: 50 },
  );
  return readMarks(page);
}

/**
 * Navigates (`navigate`) and returns the new document's marks once `waitFor` is stamped. It listens
 * for the probe's console message instead of polling the page: the first poll of a new document
 * evaluates Playwright's injected script there (10–20 ms of main thread), which can land between the
 * rows' insertion and their paint and delay the mark by that much.
 */
export async function panelMarksOf(page: Page, waitFor: 'firstRow' | 'allRows', navigate: () => Promise<unknown>, timeoutMs = 30_000): Promise<PanelMarks> {
  const stamped = page.waitForEvent('console', { predicate: (message) => message.text() === `bench-mark:${waitFor}`, timeout: timeoutMs });
  await navigate();
  await stamped;
  return readMarks(page);
}

function readMarks(page: Page): Promise<PanelMarks> {
  return run(page, () => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      ...(window as unknown as { __benchMarks: PanelMarks }).__benchMarks,
      domInteractive: navigation?.domInteractive,
      domContentLoaded: navigation?.domContentLoadedEventStart,
    };
  }, undefined);
}

/** One fetch the service worker made: epoch ms when it started, when headers came, when the body was in. */
export interface FetchEntry {
  url: string;
  started: number;
  headers: number;
  body: number | null;
}

/**
 * Wraps the service worker's global fetch (the incident.io client looks it up per call) to log when
 * each response arrived. Idempotent; the log lives until the worker stops.
 */
export async function installFetchProbe(worker: Worker): Promise<void> {
  await run(worker, () => {
    const g = globalThis as unknown as { __benchFetches?: FetchEntry[]; fetch: typeof fetch };
    if (g.__benchFetches) return;
    const log: FetchEntry[] = [];
    g.__benchFetches = log;
    const original = g.fetch.bind(g);
    const now = () => performance.timeOrigin + performance.now();
    g.fetch = async (input, init) => {
      const started = now();
      const res = await original(input, init);
      const entry: FetchEntry = { url: input instanceof Request ? input.url : String(input), started, headers: now(), body: null };
      log.push(entry);
      void res.clone().arrayBuffer().then(() => { entry.body = now(); }, () => undefined);
      return res;
    };
  }, undefined);
}

export async function takeFetches(worker: Worker): Promise<FetchEntry[]> {
  return run(worker, () => (globalThis as unknown as { __benchFetches?: FetchEntry[] }).__benchFetches?.splice(0) ?? [], undefined);
}
