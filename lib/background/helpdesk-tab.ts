import { browser } from '#imports';
import { z } from 'zod';
import type { TabReplies, TabRequest } from '@/lib/content/tab-protocol';
import { ticketRefSchema, type TicketRef } from '@/lib/panel-intent';

// Replies come from a content script running inside a web page: parse them like any untrusted input.
const replySchemas = {
  'ticket/read': z.object({ ticket: ticketRefSchema.nullable(), selection: z.string().max(20_000) }),
  'reply/insert': z.union([
    z.object({ ok: z.literal(true), method: z.string().max(40) }),
    z.object({ ok: z.literal(false), reason: z.string().max(2_000) }),
  ]),
};

// What the content script promises (tab-protocol.ts) must pass these schemas.
type Compatible<T extends TabRequest['type']> = TabReplies[T] extends z.input<(typeof replySchemas)[T]> ? true : never;
const compatible: [Compatible<'ticket/read'>, Compatible<'reply/insert'>] = [true, true];
void compatible;

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

/** An http(s) page origin, or null (the URL is hidden without activeTab or a host permission). */
export function webOrigin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** The active tab of a window (the side panel's), or of the last focused window. */
export async function activeTab(windowId?: number) {
  const [tab] = await browser.tabs.query(windowId === undefined ? { active: true, lastFocusedWindow: true } : { active: true, windowId });
  return tab ?? null;
}
