import { browser } from 'wxt/browser';

/**
 * The side panel's first asks, sent by a classic script in its <head> (entrypoints/panel-ask.ts)
 * while the stylesheet and the first-paint module still load: about 25 ms sooner than the module
 * could, and a cold open's rows wait for exactly these asks.
 */
export interface FirstAsk {
  /** This open's revalidation (`incidents/fill`, the raw reply), for React's list query to adopt. */
  reply: Promise<unknown>;
  /** The storage the first rows are painted from. */
  reads: Promise<[session: Record<string, unknown>, local: Record<string, unknown>]>;
  /**
   * Cold only (no list stored, connected, no intent): the refresh's first rows as soon as the
   * background has parsed them (`incidents/first-rows`, the raw reply); null when not asked.
   */
  firstRows: Promise<unknown>;
}

const KEY = '__incidentCopilotFirstAsk';
type World = { [KEY]?: FirstAsk };

export function startFirstAsk(): FirstAsk {
  // The ask goes first: at page start the storage reads take milliseconds. Asked even when the reads
  // then say there is nothing to paint (React joins this refresh; not connected, the background
  // answers as a poll would).
  const reply = browser.runtime.sendMessage({ type: 'incidents/fill', payload: { revalidate: true } });
  reply.catch(() => undefined);
  const reads = Promise.all([
    browser.storage.session.get(['openIncidents', 'panelIntent']),
    browser.storage.local.get('connection'),
  ]);
  const firstRows = reads.then(([session, { connection }]) => {
    const connected = Boolean((connection as { identity?: unknown } | undefined)?.identity);
    return connected && session.openIncidents === undefined && !session.panelIntent
      ? browser.runtime.sendMessage({ type: 'incidents/first-rows', payload: {} })
      : null;
  }).catch(() => null);
  return { reply, reads, firstRows };
}

/** The <head> script's part: start the asks and leave them for the first-paint module. */
export function publishFirstAsk(world: World = globalThis as World): void {
  world[KEY] = startFirstAsk();
}

/** The asks the <head> script started, once; started here when it did not run (tests, a failed load). */
export function takeFirstAsk(world: World = globalThis as World): FirstAsk {
  const early = world[KEY];
  delete world[KEY];
  return early ?? startFirstAsk();
}
