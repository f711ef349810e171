import type { RequestOf } from '@/lib/messaging/protocol';
import { ext, type Reads, sendRead } from '../ext';
import type { HelpdeskPage, TicketData } from '../page';
import type { PageLife } from '../page-life';
import { forStrip } from '../strip-model';
import { isFromExtension, type TabMessageSender } from '../tab-protocol';

/**
 * Tab requests for what the strip shows, kept as fresh as incident.io: the cached answer paints at
 * once, then `revalidate` (the background's shared single-flight refresh, one request for every
 * tab asking at that moment) on load, when the window regains focus and when the tab becomes
 * visible; the background's `incidents/changed` (after a refresh that changed what tabs show, or
 * after a write from this browser) re-reads the cache. No timer: the push covers what a pull
 * every minute used to pick up.
 */
export function init(page: HelpdeskPage, life: PageLife, reads: Reads = { sendRead }): void {
  let seq = 0;
  let revalidating = false;

  async function load(revalidate: boolean): Promise<void> {
    const ticket = page.ticket;
    if (!ticket || (revalidate && revalidating)) return;
    const key = page.ticketKey;
    const mine = ++seq;
    revalidating ||= revalidate;
    let next: TicketData | null = null;
    try {
      // Typed by the agreed interface; a background without it refuses, and the cached answer stays.
      const request = (revalidate ? { revalidate: true } : {}) as RequestOf<'incidents/open'>;
      const [open, links] = await Promise.all([
        reads.sendRead('incidents/open', request),
        reads.sendRead('attachments/list', { externalId: ticket.attachment.externalId }),
      ]);
      next = {
        open: open.incidents.map(forStrip),
        attachments: links.attachments.map(({ incident_id }) => ({ incident_id })),
        ...(open.fetchedAt ? { fetchedAt: open.fetchedAt } : {}),
      };
    } catch {
      // Not connected, or incident.io unreachable: the strip stays away rather than nag on every
      // ticket; a failed revalidation keeps what is shown.
      if (revalidate) return;
    } finally {
      if (revalidate) revalidating = false;
    }
    // A later read (or another ticket) has the last word.
    if (!life.isValid || mine !== seq || page.ticketKey !== key) return;
    page.setData(next);
  }

  page.on('ticket', () => {
    void load(false).then(() => load(true));
  });
  life.on(page.doc, 'visibilitychange', () => {
    if (page.doc.visibilityState === 'visible') void load(true);
  });
  life.on(page.view, 'focus', () => void load(true));

  const self = { runtimeId: ext.runtime.id, origin: new URL(ext.runtime.getURL('/')).origin };
  const onMessage = (message: unknown, sender: TabMessageSender) => {
    if (isFromExtension(sender, self) && (message as { type?: unknown } | null)?.type === 'incidents/changed') void load(false);
    return undefined; // no reply
  };
  ext.runtime.onMessage.addListener(onMessage);
  life.onInvalidated(() => ext.runtime.onMessage.removeListener(onMessage));
}
