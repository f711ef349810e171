import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { insertText, type InsertResult } from '@/lib/helpdesk/editors/insert';
import { detectAdapter } from '@/lib/helpdesk/registry';
import { customerStatusText } from '@/lib/helpdesk/status-snippet';
import type { HelpdeskAdapter, Ticket } from '@/lib/helpdesk/types';
import { findIncidentRefs } from '@/lib/incident-io/reference';
import type { Incident, IncidentAttachment } from '@/lib/incident-io/schemas';
import { ext, sendRead } from './ext';
import { h } from './h';
import { HoverCard } from './hover-card';
import { cardInfo, createIncidentLookup } from './incident-lookup';
import { mountOverlay } from './overlay';
import { RefHighlighter } from './ref-highlighter';
import { mayHoldRef } from './ref-scan';
import { renderStrip, showStripNote } from './strip';
import { stripModel } from './strip-model';
import { isFromExtension, MAX_SELECTION_CHARS, parseTabRequest, type TabMessageSender, type TabReplies, type TabRequest } from './tab-protocol';

/** Mutations arriving within this window are handled together. */
const FLUSH_DELAY_MS = 100;
/** The background serves open incidents from its shared cache; this only picks up new links. */
const REFRESH_INTERVAL_MS = 60_000;
const MIN_REFRESH_GAP_MS = 5_000;
/** How long after an in-app navigation each flush re-reads the page from scratch. */
const RESYNC_WINDOW_MS = 2_000;

export const NO_EDITOR_REASON = 'No reply editor is open on this page: open the reply box, then try again.';

const ticketKey = (ticket: Ticket | null) => (ticket ? `${ticket.desk}:${ticket.attachment.externalId}` : '');

/** Marks for the e2e build's main-thread budget checks; compiled out of the production build. */
function measure(name: string, start: number) {
  if (import.meta.env.MODE === 'e2e') performance.measure(`incident-copilot:${name}`, { start });
}

/**
 * Everything the content script does on a help-desk page: detects the desk and ticket (URL first,
 * then DOM, again on every SPA navigation and DOM change), highlights `INC-n` references with hover
 * cards, shows the incident strip, and answers the extension's requests to read the ticket or to
 * insert text into the reply editor. Every listener and timer is bound to `ctx`, so an updated or
 * removed extension leaves nothing behind.
 */
export function runHelpdeskPage(ctx: ContentScriptContext): void {
  const doc = document;
  const overlay = mountOverlay(doc);
  const stripBox = h(doc, 'div');
  overlay.shadow.append(stripBox);
  const highlighter = new RefHighlighter(doc);
  const lookup = createIncidentLookup({
    getIncident: async (ref) => (await sendRead('incidents/get', { ref })).incident,
    listUpdates: async (incidentId) => (await sendRead('incidents/updates', { incidentId })).updates,
  });
  const card = new HoverCard(overlay.shadow, async (ref) => cardInfo(await lookup(ref)), (ref) => void openIncident(ref, (text) => card.note(text)));

  let adapter: HelpdeskAdapter | null = null;
  let ticket: Ticket | null = null;
  let scannedRoots = new WeakSet<Element>();
  let scannedAnything = false;
  let resyncUntil = 0;
  let data: { open: Incident[]; attachments: IncidentAttachment[] } | null = null;
  let lastRefresh = 0;
  let renderedKey = '';
  /** Dismissed tickets, for this tab's life: see `dismiss` for why nothing is persisted. */
  const dismissed = new Set<string>();

  // --- detection -------------------------------------------------------------------------------

  function readPage(): void {
    const url = new URL(location.href);
    adapter = detectAdapter(doc, url);
    const next = adapter?.readTicket(doc, url) ?? null;
    const changed = ticketKey(next) !== ticketKey(ticket);
    ticket = next;
    if (changed) {
      data = null;
      void refresh(true);
    }
  }

  function insideScannedRoot(node: Node): boolean {
    for (let el = node.parentElement; el; el = el.parentElement) if (scannedRoots.has(el)) return true;
    return false;
  }

  const pendingAdded = new Set<Node>();
  const pendingText = new Set<Text>();
  let pendingRemoval = false;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Handles the mutations since the last flush. A new message costs one regex test of its text
   * unless it may hold a reference; only then are the message roots listed and the new ones read.
   */
  function flush(): void {
    flushTimer = undefined;
    const start = performance.now();
    // Only a change that can alter a reference or the ticket re-renders the strip.
    let touched = pendingRemoval;
    if (performance.now() < resyncUntil) {
      resync();
      touched = true;
    } else if (!adapter || !ticket?.subject) {
      // Until the ticket is fully rendered, every change may be the one that completes it.
      readPage();
      touched = true;
    }
    const added = [...pendingAdded].filter((node) => node.isConnected);
    const changedText = [...pendingText].filter((node) => node.isConnected);
    pendingAdded.clear();
    pendingText.clear();
    // Text that lost its reference must lose its highlight, whatever it holds now.
    for (const node of changedText) {
      if (highlighter.has(node)) {
        highlighter.rescanText(node);
        touched = true;
      }
    }
    if (!scannedAnything || added.some((node) => mayHoldRef(node.textContent ?? '')) || changedText.some((node) => mayHoldRef(node.data))) {
      scanRoots();
      for (const node of added) if (insideScannedRoot(node)) highlighter.scan(node);
      for (const node of changedText) if (!highlighter.has(node) && insideScannedRoot(node)) highlighter.rescanText(node);
      touched = true;
    }
    if (pendingRemoval) highlighter.prune();
    pendingRemoval = false;
    if (touched) render();
    measure('flush', start);
  }

  /** Starts over: another ticket or pane is (being) shown. */
  function resync(): void {
    highlighter.clear();
    scannedRoots = new WeakSet();
    scannedAnything = false;
    readPage();
  }

  /** Reads message roots not read before (new messages, another pane). */
  function scanRoots(): void {
    for (const root of adapter?.messageRoots(doc) ?? []) {
      if (scannedRoots.has(root)) continue;
      scannedRoots.add(root);
      scannedAnything = true;
      highlighter.scan(root);
    }
  }

  function scheduleFlush(): void {
    flushTimer ??= setTimeout(() => {
      if (ctx.isValid) flush();
    }, FLUSH_DELAY_MS);
  }

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') pendingText.add(record.target as Text);
      else {
        // Our host's own insertion is the only mutation of ours the page tree can show.
        for (const node of record.addedNodes) if (node !== overlay.host) pendingAdded.add(node);
        if (record.removedNodes.length > 0) pendingRemoval = true;
      }
    }
    scheduleFlush();
  });

  // --- strip -----------------------------------------------------------------------------------

  function pageRefs(): string[] {
    return [...new Set([...findIncidentRefs(ticket?.subject ?? ''), ...highlighter.refs()])];
  }

  function render(): void {
    const model = ticket && data && !dismissed.has(ticketKey(ticket)) ? stripModel({ ...data, pageRefs: pageRefs() }) : null;
    const key = JSON.stringify(model);
    if (key === renderedKey) return; // write to the DOM only when something changed
    renderedKey = key;
    if (!model) stripBox.replaceChildren();
    else renderStrip(stripBox, model, { open: (ref) => void openIncident(ref, note), link: () => void link(), insertUpdate: (ref) => void insertUpdate(ref), dismiss });
  }

  const note = (text: string) => showStripNote(stripBox, text);

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
      next = { open: open.incidents, attachments: links.attachments };
    } catch {
      // Not connected, or incident.io unreachable: the strip stays away rather than nag on every ticket.
    }
    if (ctx.isInvalid || ticketKey(ticket) !== ticketKey(forTicket)) return;
    data = next;
    render();
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
    if (!pointer || ctx.isInvalid) return;
    if (pointer.target === overlay.host) return card.keep();
    const hit = highlighter.isEmpty ? null : highlighter.hit(pointer.clientX, pointer.clientY);
    if (hit) card.show(hit.ref, hit.rect);
    else if (card.shownRef) card.scheduleHide();
  }

  // --- wiring ----------------------------------------------------------------------------------

  ctx.addEventListener(doc, 'mousemove', (event) => {
    pointer = event;
    frame ||= requestAnimationFrame(hover);
  }, { passive: true });
  ctx.addEventListener(doc, 'keydown', (event) => {
    if (event.key === 'Escape') card.hide();
  });
  ctx.addEventListener(doc, 'scroll', () => card.hide(), { capture: true, passive: true });
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    // The event fires as the URL changes, before the router renders the other ticket or switches
    // panes (often only by attributes, which are not observed): re-read everything for a while.
    resyncUntil = performance.now() + RESYNC_WINDOW_MS;
    card.hide();
    scheduleFlush();
    ctx.setTimeout(scheduleFlush, RESYNC_WINDOW_MS / 2);
  });
  ctx.addEventListener(doc, 'visibilitychange', () => {
    if (doc.visibilityState === 'visible') void refresh(false);
  });
  ctx.addEventListener(window, 'focus', () => void refresh(false));
  ctx.setInterval(() => {
    if (doc.visibilityState === 'visible') void refresh(false);
  }, REFRESH_INTERVAL_MS);
  ctx.onInvalidated(() => {
    observer.disconnect();
    clearTimeout(flushTimer);
    cancelAnimationFrame(frame);
    ext.runtime.onMessage.removeListener(onMessage);
    highlighter.dispose();
    overlay.remove();
  });

  const start = performance.now();
  readPage();
  flush();
  measure('initial-scan', start);
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
}
