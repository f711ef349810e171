import { insertText, type InsertResult } from '@/lib/helpdesk/editors/insert';
import { generic } from '@/lib/helpdesk/adapters/generic';
import { detectAdapter } from '@/lib/helpdesk/registry';
import { customerStatusText } from '@/lib/helpdesk/status-snippet';
import type { HelpdeskAdapter, Ticket } from '@/lib/helpdesk/types';
import { ext, sendRead } from './ext';
import { h } from './h';
import { HoverCard } from './hover-card';
import { cardInfo, createIncidentLookup } from './incident-lookup';
import { mountOverlay, type Overlay } from './overlay';
import { RefHighlighter } from './ref-highlighter';
import type { PageLife } from './page-life';
import { mayHoldRef, refMatches } from './ref-scan';
import { renderStrip, showStripNote } from './strip';
import { elementsInBand, viewBand } from './view-band';
import { forStrip, type OpenIncident, stripModel, type TicketLink } from './strip-model';
import { isFromExtension, MAX_SELECTION_CHARS, parseTabRequest, type TabMessageSender, type TabReplies, type TabRequest } from './tab-protocol';

/** Mutations arriving within this window are handled together. */
const FLUSH_DELAY_MS = 100;
/** While the page scrolls, the messages coming into view are read at most this often. */
const SCROLL_SCAN_MS = 100;
/** The background serves open incidents from its shared cache; this only picks up new links. */
const REFRESH_INTERVAL_MS = 60_000;
const MIN_REFRESH_GAP_MS = 5_000;
/** How long after an in-app navigation each flush re-reads the page from scratch. */
const RESYNC_WINDOW_MS = 2_000;

export const NO_EDITOR_REASON = 'No reply editor is open on this page: open the reply box, then try again.';

const ticketKey = (ticket: Ticket | null) => (ticket ? `${ticket.desk}:${ticket.attachment.externalId}` : '');
const isText = (node: Node): node is Text => node.nodeType === Node.TEXT_NODE;

/** Marks for the e2e build's main-thread budget checks; compiled out of the production build. */
const E2E = import.meta.env.MODE === 'e2e';
const markStart = () => (E2E ? performance.now() : 0);
function measure(name: string, start: number) {
  if (E2E) performance.measure(`incident-copilot:${name}`, { start });
}

/**
 * Everything the content script does on a help-desk page: detects the desk and ticket (URL first,
 * then DOM, again on every SPA navigation), highlights the `INC-n` references near the viewport
 * with hover cards, shows the incident strip, and answers the extension's requests to read the
 * ticket or to insert text into the reply editor.
 *
 * What it costs does not grow with the ticket: at start it reads the URL and a few elements and
 * asks the background; after the first paint it reads only the messages in and around the viewport
 * (`view-band.ts`), again as the page scrolls; later it looks only at the nodes the
 * MutationObserver reports. Its UI is built the first time there is something to show. Every
 * listener and timer is bound to `life`, so an updated or removed extension leaves nothing behind.
 */
export function runHelpdeskPage(life: PageLife): void {
  const doc = document;
  const highlighter = new RefHighlighter(doc);
  const lookup = createIncidentLookup({
    getIncident: async (ref) => (await sendRead('incidents/get', { ref })).incident,
    listUpdates: async (incidentId) => (await sendRead('incidents/updates', { incidentId })).updates,
  });

  let ui: { overlay: Overlay; stripBox: HTMLElement; card: HoverCard } | null = null;
  function mountUi() {
    if (!ui) {
      const overlay = mountOverlay(doc);
      const stripBox = h(doc, 'div');
      overlay.shadow.append(stripBox);
      const card: HoverCard = new HoverCard(overlay.shadow, async (ref) => cardInfo(await lookup(ref)), (ref) => void openIncident(ref, (text) => card.note(text)));
      ui = { overlay, stripBox, card };
    }
    return ui;
  }

  let adapter: HelpdeskAdapter | null = null;
  let ticket: Ticket | null = null;
  /** References read on this ticket so far, in page order; the strip lists them for keyboard users. */
  const seen = new Set<string>();
  let seenVersion = 0;
  let resyncUntil = 0;
  let data: { open: OpenIncident[]; attachments: TicketLink[] } | null = null;
  let dataVersion = 0;
  let lastRefresh = 0;
  let renderedKey = '';
  /** Dismissed tickets, for this tab's life: see `dismiss` for why nothing is persisted. */
  const dismissed = new Set<string>();

  // --- detection -------------------------------------------------------------------------------

  /**
   * The adapter for the page's URL, detected once per URL. A desk named by the URL or proven by
   * the DOM stays; the generic fallback and "none" are asked again, since a self-hosted desk's
   * anchors may not have rendered yet.
   */
  let detected: { href: string; adapter: HelpdeskAdapter } | null = null;
  function adapterFor(url: URL): HelpdeskAdapter | null {
    if (detected?.href === url.href) return detected.adapter;
    const found = detectAdapter(doc, url);
    detected = found && found !== generic ? { href: url.href, adapter: found } : null;
    return found;
  }

  function readPage(): void {
    const url = new URL(location.href);
    adapter = adapterFor(url);
    const next = adapter?.readTicket(doc, url) ?? null;
    const changed = ticketKey(next) !== ticketKey(ticket);
    ticket = next;
    if (changed) {
      data = null;
      forgetRefs();
      scheduleViewScan();
      void refresh(true);
    }
  }

  function forgetRefs(): void {
    highlighter.clear();
    seen.clear();
    seenVersion++;
  }

  function noteRefs(refs: readonly string[]): void {
    const before = seen.size;
    for (const ref of refs) seen.add(ref);
    if (seen.size === before) return;
    seenVersion++;
    render();
  }

  // --- reading the messages near the viewport ----------------------------------------------------

  /**
   * One IntersectionObserver tells when layout is fresh and whether new nodes are near the
   * viewport. Its reports come right after a layout, so boxes read then force none; a frame
   * callback can come before a freshly loaded page's first layout, and a box read there lays out
   * the whole ticket inside this script. Its margin is `viewBand`'s: a viewport height above and below.
   */
  let watcher: IntersectionObserver | undefined;
  const afterLayoutQueue: (() => void)[] = [];
  function watch(el: Element): void {
    watcher ??= new IntersectionObserver(onWatched, { rootMargin: '100% 0px' });
    watcher.observe(el);
  }

  function onWatched(entries: IntersectionObserverEntry[]): void {
    let arrivedNear = false;
    for (const entry of entries) {
      watcher?.unobserve(entry.target);
      if (entry.target !== doc.documentElement) arrivedNear ||= entry.isIntersecting;
    }
    if (!life.isValid) return;
    const work = afterLayoutQueue.splice(0);
    // Reads (the view scan's boxes) before writes (the strip), so no read lays the page out again.
    if (arrivedNear || work.includes(scanView)) scanView();
    for (const fn of work) if (fn !== scanView) fn();
  }

  function afterLayout(fn: () => void): void {
    if (!afterLayoutQueue.includes(fn)) afterLayoutQueue.push(fn);
    watch(doc.documentElement);
  }

  // afterLayout queues each function once, so a scan asked for many times runs once.
  function scheduleViewScan(): void {
    afterLayout(scanView);
  }

  function scanView(): void {
    if (!adapter) return;
    const start = markStart();
    noteRefs(highlighter.show(elementsInBand(adapter.messageList(doc), viewBand(window))));
    // A reference that just came alive under a resting pointer gets its card without a move.
    if (pointer) requestHover();
    measure('view-scan', start);
  }

  let scrollTimer: ReturnType<typeof setTimeout> | undefined;
  function onScroll(): void {
    ui?.card.hide();
    scrollTimer ??= setTimeout(() => {
      scrollTimer = undefined;
      scheduleViewScan();
    }, SCROLL_SCAN_MS);
  }

  // --- changes to the page -------------------------------------------------------------------------

  /**
   * Looks at a node the page added or changed, right in the MutationObserver callback: one regex
   * test of its text, nothing more for the common case (a message without a reference, typing,
   * the desk's own UI). No timer per message: on a busy renderer each timer costs more than that
   * test. A node that may hold a reference inside a shown root has that root read again; elsewhere
   * it is watched until layout says whether it is near the viewport (`onWatched`).
   */
  function consider(node: Node): void {
    const mayHold = mayHoldRef((isText(node) ? node.data : node.textContent) ?? '');
    // Text that lost its reference must lose its highlight too, whatever it holds now.
    if (!mayHold && !(isText(node) && highlighter.marks(node))) return;
    const root = highlighter.rootOf(node);
    if (root) noteRefs(highlighter.reread(root));
    else if (mayHold) {
      const el = isText(node) ? node.parentElement : node.nodeType === Node.ELEMENT_NODE ? (node as Element) : null;
      if (el) watch(el);
    }
  }

  /** For a while after an in-app navigation, every flush re-reads the page from scratch. */
  function resyncing(): boolean {
    if (resyncUntil !== 0 && performance.now() >= resyncUntil) resyncUntil = 0;
    return resyncUntil !== 0;
  }

  /** Until the ticket is read (a desk's SPA renders it piece by piece), changes may complete it. */
  const incomplete = () => !adapter || adapter === generic || (ticket !== null && !ticket.subject);

  let pendingRemoval = false;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;

  /** What can wait for the page to settle: re-reading an incomplete page or a switched pane, pruning. */
  function flush(): void {
    flushTimer = undefined;
    const start = markStart();
    if (resyncing()) resync();
    else if (incomplete()) readPage();
    if (pendingRemoval) highlighter.prune();
    pendingRemoval = false;
    render(); // the subject may have been read just now
    measure('flush', start);
  }

  /** Starts over: another ticket or pane is (being) shown. */
  function resync(): void {
    forgetRefs();
    readPage();
    scheduleViewScan();
  }

  function scheduleFlush(): void {
    flushTimer ??= setTimeout(() => {
      if (life.isValid) flush();
    }, FLUSH_DELAY_MS);
  }

  const observer = new MutationObserver((records) => {
    const start = markStart();
    for (const record of records) {
      if (record.type === 'characterData') consider(record.target);
      else {
        // Our host's own insertion is the only mutation of ours the page tree can show.
        for (const node of record.addedNodes) if (node !== ui?.overlay.host) consider(node);
        if (!highlighter.isEmpty && record.removedNodes.length > 0) pendingRemoval = true;
      }
    }
    if (pendingRemoval || incomplete() || resyncing()) scheduleFlush();
    measure('mutations', start);
  });

  // --- strip -----------------------------------------------------------------------------------

  function pageRefs(): string[] {
    return [...new Set([...refMatches(ticket?.subject ?? '').map((match) => match.ref), ...seen])];
  }

  function render(): void {
    const shown = ticket && data && !dismissed.has(ticketKey(ticket)) ? { ticket, data } : null;
    // The strip is a function of these alone: comparing them is cheaper than building it.
    const key = shown ? `${ticketKey(shown.ticket)}\n${shown.ticket.subject}\n${dataVersion}\n${seenVersion}` : '';
    if (key === renderedKey) return; // write to the DOM only when something changed
    renderedKey = key;
    const model = shown ? stripModel({ ...shown.data, pageRefs: pageRefs() }) : null;
    if (!model) ui?.stripBox.replaceChildren();
    else renderStrip(mountUi().stripBox, model, { open: (ref) => void openIncident(ref, note), link: () => void link(), insertUpdate: (ref) => void insertUpdate(ref), dismiss });
  }

  const note = (text: string) => {
    if (ui) showStripNote(ui.stripBox, text);
  };

  async function refresh(force: boolean): Promise<void> {
    const forTicket = ticket;
    if (!forTicket || (!force && Date.now() - lastRefresh < MIN_REFRESH_GAP_MS)) return;
    lastRefresh = Date.now();
    let next: typeof data = null;
    try {
      const [open, links] = await Promise.all([
        sendRead('incidents/open', {}),
        sendRead('attachments/list', { externalId: forTicket.attachment.externalId }),
      ]);
      next = { open: open.incidents.map(forStrip), attachments: links.attachments.map(({ incident_id }) => ({ incident_id })) };
    } catch {
      // Not connected, or incident.io unreachable: the strip stays away rather than nag on every ticket.
    }
    if (!life.isValid || ticketKey(ticket) !== ticketKey(forTicket)) return;
    data = next;
    dataVersion++;
    // After the next layout, with the view scan's box reads first: drawing the strip now would make
    // those reads lay out the whole ticket again.
    afterLayout(render);
  }

  /**
   * Dismissal lives in this script's memory for the tab's life. The page's own storage
   * (sessionStorage, localStorage) is readable and writable by the help desk's scripts, and
   * `storage.session` is closed to content scripts; a reload brings the strip back, which is the
   * safe failure for an incident banner.
   */
  function dismiss(): void {
    if (ticket) dismissed.add(ticketKey(ticket));
    render();
  }

  // --- actions (only from trusted clicks, see h.ts) ------------------------------------------------

  async function openIncident(ref: string, say: (text: string) => void): Promise<void> {
    try {
      const { opened } = await sendRead('panel/open', { kind: 'incident', ref });
      say(opened ? '' : `Open the Incident Copilot side panel to see ${ref}.`);
    } catch (error) {
      say(error instanceof Error ? error.message : String(error));
    }
  }

  async function link(): Promise<void> {
    if (!ticket) return;
    const openRefs = new Set(data?.open.map((incident) => incident.reference));
    const suggestion = pageRefs().find((ref) => openRefs.has(ref));
    try {
      const { opened } = await sendRead('panel/open', { kind: 'link-ticket', ticket, ...(suggestion ? { ref: suggestion } : {}) });
      note(opened ? '' : 'Open the Incident Copilot side panel to confirm the link.');
    } catch (error) {
      note(error instanceof Error ? error.message : String(error));
    }
  }

  async function insertIntoReply(text: string): Promise<InsertResult> {
    readPage();
    const editor = adapter?.findReplyEditor(doc) ?? null;
    return editor ? insertText(editor, text) : { ok: false, reason: NO_EDITOR_REASON };
  }

  async function insertUpdate(ref: string): Promise<void> {
    try {
      const { incident, latest } = await lookup(ref, { fresh: true });
      const text = customerStatusText(incident, latest?.created_at);
      if (!text) return note(`${ref} can't be shared with customers.`);
      const result = await insertIntoReply(text);
      if (result.ok) return note(`Status update for ${ref} inserted into the reply.`);
      await navigator.clipboard.writeText(text);
      note(`${result.reason} The update was copied to the clipboard instead.`);
    } catch (error) {
      note(error instanceof Error ? error.message : String(error));
    }
  }

  // --- requests from the extension -------------------------------------------------------------

  const self = { runtimeId: ext.runtime.id, origin: new URL(ext.runtime.getURL('/')).origin };

  async function answer(request: TabRequest): Promise<TabReplies[TabRequest['type']]> {
    if (request.type === 'reply/insert') return insertIntoReply(request.text);
    readPage();
    return { ticket, selection: String(doc.getSelection() ?? '').trim().slice(0, MAX_SELECTION_CHARS) };
  }

  const onMessage = (message: unknown, sender: TabMessageSender, sendResponse: (reply: unknown) => void) => {
    if (!isFromExtension(sender, self)) return undefined;
    const request = parseTabRequest(message);
    if (!request) return undefined;
    void answer(request).then(sendResponse);
    return true; // the reply is asynchronous
  };
  ext.runtime.onMessage.addListener(onMessage);

  // --- hover -----------------------------------------------------------------------------------

  let pointer: MouseEvent | null = null;
  let frame = 0;
  function hover(): void {
    frame = 0;
    if (!pointer || !life.isValid) return;
    if (ui && pointer.target === ui.overlay.host) return ui.card.keep();
    const hit = highlighter.isEmpty ? null : highlighter.hit(pointer.clientX, pointer.clientY);
    if (hit) mountUi().card.show(hit.ref, hit.rect);
    else if (ui?.card.shownRef) ui.card.scheduleHide();
  }

  function requestHover(): void {
    frame ||= requestAnimationFrame(hover);
  }

  // --- wiring ----------------------------------------------------------------------------------

  life.on(doc, 'mousemove', (event) => {
    pointer = event;
    requestHover();
  }, { passive: true });
  life.on(doc, 'keydown', (event) => {
    if (event.key === 'Escape') ui?.card.hide();
  });
  // Capture: conversation logs scroll inside their own containers, whose scroll events don't bubble.
  life.on(doc, 'scroll', onScroll, { capture: true, passive: true });
  life.on(window, 'resize', scheduleViewScan, { passive: true });
  life.onUrlChange(() => {
    // The event fires as the URL changes, before the router renders the other ticket or switches
    // panes (often only by attributes, which are not observed): re-read everything for a while.
    resyncUntil = performance.now() + RESYNC_WINDOW_MS;
    ui?.card.hide();
    scheduleFlush();
    life.setTimeout(scheduleFlush, RESYNC_WINDOW_MS / 2);
  });
  life.on(doc, 'visibilitychange', () => {
    if (doc.visibilityState === 'visible') void refresh(false);
  });
  life.on(window, 'focus', () => void refresh(false));
  life.setInterval(() => {
    if (doc.visibilityState === 'visible') void refresh(false);
  }, REFRESH_INTERVAL_MS);
  life.onInvalidated(() => {
    observer.disconnect();
    watcher?.disconnect();
    clearTimeout(flushTimer);
    clearTimeout(scrollTimer);
    cancelAnimationFrame(frame);
    ext.runtime.onMessage.removeListener(onMessage);
    highlighter.dispose();
    ui?.overlay.remove();
  });

  // Start: the URL, a few elements and the background's reads now; the messages after the first paint.
  const start = markStart();
  readPage();
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  measure('start', start);
}
