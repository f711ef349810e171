import { generic } from '@/lib/helpdesk/adapters/generic';
import { detectAdapterIn } from '@/lib/helpdesk/detect';
import type { HelpdeskAdapter, Ticket } from '@/lib/helpdesk/types';
import type { Overlay } from './overlay';
import type { PageLife } from './page-life';
import { RefHighlighter } from './ref-highlighter';
import type { OpenIncident, TicketLink } from './strip-model';

/** Mutations arriving within this window are handled together. */
const FLUSH_DELAY_MS = 100;
/** How long after an in-app navigation each flush re-reads the page from scratch. */
const RESYNC_WINDOW_MS = 2_000;

/** What the background said about this ticket: the open (public) incidents and the ticket's links. */
export interface TicketData {
  open: OpenIncident[];
  attachments: TicketLink[];
  /** When the background fetched the open list (epoch ms): an older list is shown with its time. */
  fetchedAt?: number;
}

/** Events of the page core; every feature hears the ones it needs. */
export interface PageEvents {
  /** Another ticket (or none) is shown: per-ticket state starts over. */
  ticket: [];
  /** Something the strip shows changed: the ticket's subject, its data or the references seen. */
  change: [];
  /** A node the page added or whose text changed (never our own host). */
  node: [node: Node];
  /** The page settled after mutations; `removed` when nodes left the document. */
  flush: [removed: boolean];
  /**
   * Layout is fresh and new nodes came near the viewport: `arrived` holds their reports, or is null
   * when a view scan was asked for (the whole band is to be read).
   */
  near: [arrived: readonly IntersectionObserverEntry[] | null];
  /** An in-app navigation began. */
  navigate: [];
}

type Listener<K extends keyof PageEvents> = (...args: PageEvents[K]) => void;

/**
 * The core every help-desk feature shares: the desk's adapter and the ticket (read from the URL
 * first, then the DOM, again on each SPA navigation), the references seen on it, the background's
 * data for it, the overlay (mounted the first time something is shown), one MutationObserver and
 * one IntersectionObserver, and the read-before-write scheduler.
 */
export interface HelpdeskPage {
  readonly doc: Document;
  readonly view: Window & typeof globalThis;
  readonly adapter: HelpdeskAdapter | null;
  readonly ticket: Ticket | null;
  /** `desk:externalId`, '' without a ticket. */
  readonly ticketKey: string;
  readonly highlighter: RefHighlighter;
  /** References read on this ticket so far, in page order. */
  readonly seen: ReadonlySet<string>;
  readonly data: TicketData | null;
  /** Bumped by every `change`: a feature compares it instead of rebuilding what it draws. */
  readonly version: number;
  /** The overlay if it is mounted (`ui()` mounts it). */
  readonly mounted: Overlay | null;
  /** The overlay, mounted with `mount` the first time (the UI brings its own: overlay.ts ships on demand). */
  ui(mount: (doc: Document) => Overlay): Overlay;
  /** Reads the URL and DOM again; emits `ticket` when another ticket is shown. */
  readPage(): void;
  noteRefs(refs: readonly string[]): void;
  forgetRefs(): void;
  setData(data: TicketData | null): void;
  /** Watches `el` until layout says whether it is near the viewport (then `near` fires). */
  watch(el: Element): void;
  /**
   * Runs `fn` right after the next layout. Reads (box measurements) run before writes (the UI), so
   * no read lays the page out again; each function is queued once however often it is asked for.
   */
  afterLayout(fn: () => void, kind?: 'read' | 'write'): void;
  /** Asks for a `near` after the next layout (a view scan). */
  scan(): void;
  on<K extends keyof PageEvents>(event: K, fn: Listener<K>): void;
  emit<K extends keyof PageEvents>(event: K, ...args: PageEvents[K]): void;
  /** Starts observing; features are initialised before. */
  start(): void;
}

const keyOf = (ticket: Ticket | null) => (ticket ? `${ticket.desk}:${ticket.attachment.externalId}` : '');
const isText = (node: Node): node is Text => node.nodeType === Node.TEXT_NODE;

/** Marks for the e2e build's main-thread budget checks; compiled out of the production build. */
const E2E = import.meta.env.MODE === 'e2e';
export const markStart = () => (E2E ? performance.now() : 0);
export function measure(name: string, start: number) {
  if (E2E) performance.measure(`incident-copilot:${name}`, { start });
}

/** `adapters`: the desks this script knows (one for a SaaS desk's own script, every desk for self-hosted pages). */
export function createPage(life: PageLife, adapters: readonly HelpdeskAdapter[], doc: Document = document): HelpdeskPage {
  const view = (doc.defaultView ?? window) as Window & typeof globalThis;
  const listeners: { [K in keyof PageEvents]?: Listener<K>[] } = {};
  const highlighter = new RefHighlighter(doc);
  let adapter: HelpdeskAdapter | null = null;
  let ticket: Ticket | null = null;
  let data: TicketData | null = null;
  let overlay: Overlay | null = null;
  let version = 0;
  let resyncUntil = 0;
  const seen = new Set<string>();

  const emit = <K extends keyof PageEvents>(event: K, ...args: PageEvents[K]) => {
    for (const fn of listeners[event] ?? []) fn(...args);
  };
  const changed = () => {
    version++;
    emit('change');
  };

  /**
   * The adapter for the page's URL, detected once per URL. A desk named by the URL or proven by
   * the DOM stays; the generic fallback and "none" are asked again, since a self-hosted desk's
   * anchors may not have rendered yet.
   */
  let detected: { href: string; adapter: HelpdeskAdapter } | null = null;
  function adapterFor(url: URL): HelpdeskAdapter | null {
    if (detected?.href === url.href) return detected.adapter;
    const found = detectAdapterIn(adapters, doc, url);
    detected = found && found !== generic ? { href: url.href, adapter: found } : null;
    return found;
  }

  function readPage(): void {
    const url = new URL(doc.location.href);
    adapter = adapterFor(url);
    const next = adapter?.readTicket(doc, url) ?? null;
    const other = keyOf(next) !== keyOf(ticket);
    const shown = next?.subject !== ticket?.subject;
    ticket = next;
    if (other) {
      data = null;
      forgetRefs();
      emit('ticket');
      page.scan();
    }
    if (other || shown) changed();
  }

  function forgetRefs(): void {
    highlighter.clear();
    if (seen.size === 0) return;
    seen.clear();
    changed();
  }

  // --- the read-before-write scheduler ------------------------------------------------------------

  /**
   * One IntersectionObserver tells when layout is fresh and whether new nodes are near the
   * viewport. Its reports come right after a layout, so boxes read then force none; a frame
   * callback can come before a freshly loaded page's first layout, and a box read there lays out
   * the whole ticket inside this script. Its margin is `viewBand`'s: a viewport height above and below.
   */
  let watcher: IntersectionObserver | undefined;
  const reads: (() => void)[] = [];
  const writes: (() => void)[] = [];
  let scanAsked = false;
  function watch(el: Element): void {
    watcher ??= new view.IntersectionObserver(onWatched, { rootMargin: '100% 0px' });
    watcher.observe(el);
  }

  function onWatched(entries: IntersectionObserverEntry[]): void {
    const scanning = scanAsked;
    scanAsked = false;
    const arrived: IntersectionObserverEntry[] = [];
    for (const entry of entries) {
      watcher?.unobserve(entry.target);
      if (entry.target !== doc.documentElement && entry.isIntersecting) arrived.push(entry);
    }
    if (!life.isValid) return;
    // What is queued meanwhile (the strip after the scan found references) runs in this round.
    running = true;
    try {
      if (scanning) emit('near', null);
      else if (arrived.length > 0) emit('near', arrived);
      for (const fn of reads.splice(0)) fn();
      for (const fn of writes.splice(0)) fn();
    } finally {
      running = false;
    }
  }

  let running = false;
  function afterLayout(fn: () => void, kind: 'read' | 'write' = 'write'): void {
    const queue = kind === 'read' ? reads : writes;
    if (!queue.includes(fn)) queue.push(fn);
    if (!running) watch(doc.documentElement);
  }

  // --- changes to the page ------------------------------------------------------------------------

  /** For a while after an in-app navigation, every flush re-reads the page from scratch. */
  function resyncing(): boolean {
    if (resyncUntil !== 0 && performance.now() >= resyncUntil) resyncUntil = 0;
    return resyncUntil !== 0;
  }

  /** Until the ticket is read (a desk's SPA renders it piece by piece), changes may complete it. */
  const incomplete = () => !adapter || adapter === generic || (ticket !== null && !ticket.subject);

  let pendingRemoval = false;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;

  /** What can wait for the page to settle: re-reading an incomplete page or a switched pane. */
  function flush(): void {
    flushTimer = undefined;
    const start = markStart();
    if (resyncing()) {
      forgetRefs();
      readPage();
      page.scan();
    } else if (incomplete()) readPage();
    const removed = pendingRemoval;
    pendingRemoval = false;
    emit('flush', removed);
    measure('flush', start);
  }

  function scheduleFlush(): void {
    flushTimer ??= setTimeout(() => {
      if (life.isValid) flush();
    }, FLUSH_DELAY_MS);
  }

  /**
   * Index loops, and no `removedNodes`: in the script's isolated world each NodeList a record hands
   * out costs a wrapper, and iterating one costs an iterator (a floor script that only reads
   * `addedNodes.length` costs 0.015 ms per message, half the per-message budget). Removals are found
   * instead by asking the highlighter, whose few marked nodes already have wrappers, whether one left
   * the document.
   */
  const observer = new view.MutationObserver((records) => {
    const start = markStart();
    // Our host's own insertion is the only mutation of ours the page tree can show.
    const host = overlay?.host;
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      if (record.type === 'characterData') {
        emit('node', record.target);
        continue;
      }
      const added = record.addedNodes;
      for (let j = 0; j < added.length; j++) {
        const node = added[j]!;
        if (node !== host) emit('node', node);
      }
    }
    if (!pendingRemoval && highlighter.lostNodes()) pendingRemoval = true;
    if (pendingRemoval || incomplete() || resyncing()) scheduleFlush();
    measure('mutations', start);
  });

  const page: HelpdeskPage = {
    doc,
    view,
    get adapter() {
      return adapter;
    },
    get ticket() {
      return ticket;
    },
    get ticketKey() {
      return keyOf(ticket);
    },
    highlighter,
    seen,
    get data() {
      return data;
    },
    get version() {
      return version;
    },
    get mounted() {
      return overlay;
    },
    ui(mount) {
      overlay ??= mount(doc);
      return overlay;
    },
    readPage,
    noteRefs(refs) {
      const before = seen.size;
      for (const ref of refs) seen.add(ref);
      if (seen.size !== before) changed();
    },
    forgetRefs,
    setData(next) {
      data = next;
      changed();
    },
    watch,
    afterLayout,
    scan() {
      scanAsked = true;
      watch(doc.documentElement);
    },
    on(event, fn) {
      ((listeners[event] ??= []) as Listener<typeof event>[]).push(fn);
    },
    emit,
    start() {
      const begin = markStart();
      readPage();
      observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
      measure('start', begin);
    },
  };

  life.onUrlChange(() => {
    // The event fires as the URL changes, before the router renders the other ticket or switches
    // panes (often only by attributes, which are not observed): re-read everything for a while.
    resyncUntil = performance.now() + RESYNC_WINDOW_MS;
    emit('navigate');
    scheduleFlush();
    life.setTimeout(scheduleFlush, RESYNC_WINDOW_MS / 2);
  });
  life.onInvalidated(() => {
    observer.disconnect();
    watcher?.disconnect();
    clearTimeout(flushTimer);
    highlighter.dispose();
    overlay?.remove();
  });
  return page;
}

export { isText, keyOf as ticketKey };
