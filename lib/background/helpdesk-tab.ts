import { browser } from '#imports';
import { z } from 'zod';
import type { TabNotice, TabRequest } from '@/lib/content/tab-protocol';
import { ticketRefSchema, type TicketRef } from '@/lib/panel-intent';
import { isWebUrl } from '@/lib/web-url';

// Replies come from a content script running inside a web page: parse them like any untrusted input.
export const replySchemas = {
  'ticket/read': z.object({ ticket: z.nullable(ticketRefSchema), selection: z.string().max(20_000) }),
  'reply/insert': z.union([
    z.object({ ok: z.literal(true), method: z.string().max(40) }),
    z.object({ ok: z.literal(false), reason: z.string().max(2_000) }),
  ]),
};

type Reply<T extends TabRequest['type']> = z.infer<(typeof replySchemas)[T]>;

/**
 * Asks the help-desk content script in a tab (top frame) to act. Null when no content script of
 * ours runs there (not a help desk, not enabled, or the page is still loading) or it answered
 * something malformed.
 */
export async function askTab<R extends TabRequest>(tabId: number, request: R): Promise<Reply<R['type']> | null> {
  try {
    const raw: unknown = await browser.tabs.sendMessage(tabId, request, { frameId: 0 });
    const parsed = replySchemas[request.type].safeParse(raw);
    return parsed.success ? (parsed.data as Reply<R['type']>) : null;
  } catch {
    return null; // "Receiving end does not exist"
  }
}

/** The ticket open in a tab and the agent's selection there, if a help-desk content script runs. */
export async function readTicketTab(tabId: number): Promise<{ ticket: TicketRef | null; selection: string } | null> {
  return askTab(tabId, { type: 'ticket/read' });
}

/** An http(s) page URL, or null (the URL is hidden without activeTab or a host permission). */
export function webUrl(url: string | undefined): string | null {
  return isWebUrl(url) ? url : null;
}

/** The active tab of a window (the side panel's), or of the last focused window. */
export async function activeTab(windowId?: number) {
  const [tab] = await browser.tabs.query(windowId === undefined ? { active: true, lastFocusedWindow: true } : { active: true, windowId });
  return tab ?? null;
}

/**
 * Tells every help-desk tab that the incidents it shows changed (a refresh found news, or this
 * browser wrote): each re-reads with `incidents/open`. Tabs without our content script refuse the
 * message; that is the cheap answer, so no list of help-desk tabs is kept.
 */
export async function notifyHelpdeskTabs(): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  const message: TabNotice = { type: 'incidents/changed' };
  await Promise.allSettled(tabs.map(async (tab) => {
    if (tab.id !== undefined) await browser.tabs.sendMessage(tab.id, message, { frameId: 0 });
  }));
}
