import type { InsertResult } from '@/lib/helpdesk/editors/insert';
import type { Ticket } from '@/lib/helpdesk/types';

/**
 * What the extension asks a help-desk tab's content script (through `tabs.sendMessage`). The
 * content script owns the page's DOM, so reading the ticket and typing into the reply editor
 * happen here; deciding *what* to insert stays with the extension.
 */
export type TabRequest = { type: 'reply/insert'; text: string } | { type: 'ticket/read' };

/** Sent to every help-desk tab after the incidents it shows changed; the tab re-reads `incidents/open`. No reply. */
export type TabNotice = { type: 'incidents/changed' };

export interface TabReplies {
  'reply/insert': InsertResult;
  /** The detected ticket (null on other pages) and the agent's current selection. */
  'ticket/read': { ticket: Ticket | null; selection: string };
}

/** A customer status update is two sentences; anything far longer is not one. */
export const MAX_INSERT_CHARS = 5_000;
/** Bounded like the declare prefill's summary. */
export const MAX_SELECTION_CHARS = 18_000;

/** The browser-stamped fields of `runtime.MessageSender` the rule below looks at. */
export interface TabMessageSender {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * Only the extension itself may ask a content script to act: same extension id, not from any tab
 * (web pages and content scripts always have one) and, when the browser names the document, a
 * document on the extension's own origin (the background or the side panel).
 */
export function isFromExtension(sender: TabMessageSender, self: { runtimeId: string; origin: string }): boolean {
  if (sender.id !== self.runtimeId || sender.tab) return false;
  return sender.url === undefined || sender.url.startsWith(`${self.origin}/`);
}

/** The request a message stands for, or null for anything malformed or unknown. */
export function parseTabRequest(message: unknown): TabRequest | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, text } = message as { type?: unknown; text?: unknown };
  if (type === 'ticket/read') return { type };
  if (type === 'reply/insert' && typeof text === 'string' && text.trim() && text.length <= MAX_INSERT_CHARS) {
    return { type, text };
  }
  return null;
}
