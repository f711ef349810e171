import { isWebUrl } from '@/lib/web-url';

/** The fields of `runtime.MessageSender` that the browser stamps; a message body can't forge them. */
export interface StampedSender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/** `agent`: the extension's own pages. `helpdesk`: a content script in a web page (reads, public only). */
export type CallerLevel = 'agent' | 'helpdesk';

export interface ExtensionIdentity {
  runtimeId: string;
  /** e.g. `chrome-extension://<id>` (no trailing slash). */
  origin: string;
}


/**
 * Decides who is calling from the sender alone. Messages from other extensions (a different `id`)
 * are dropped; an extension page is recognised by its document URL being on the extension origin,
 * anything else inside a tab is a content script in an untrusted page. (Prefix checks rather than
 * `URL.origin`, which is "null" for chrome-extension: URLs outside Chrome.)
 */
export function callerLevel(sender: StampedSender, self: ExtensionIdentity): CallerLevel | null {
  if (sender.id !== self.runtimeId) return null;
  if (sender.url?.startsWith(`${self.origin}/`)) return 'agent';
  if (sender.tab && isWebUrl(sender.url)) return 'helpdesk';
  return null;
}
