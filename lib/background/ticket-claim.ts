import { ADAPTERS, adapterForUrl } from '@/lib/helpdesk/registry';
import type { HelpdeskAdapter } from '@/lib/helpdesk/types';

/** The desks that may own a tab: the SaaS desk at its host, else any self-hosted one (the page's DOM chose). */
function adaptersFor(url: URL): readonly HelpdeskAdapter[] {
  const saas = adapterForUrl(url);
  return saas ? [saas] : ADAPTERS.filter((adapter) => adapter.selfHosted);
}

function parse(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether a ticket a help-desk page names (an attachment's external id: a Zendesk ticket id or a
 * ticket URL) is the ticket its own tab shows. The tab URL is the browser-stamped `sender.tab.url`,
 * so a page can only ask about the ticket it is; any other claim is refused by the caller.
 */
export function claimMatchesTab(claim: string, tabUrl: string | undefined): boolean {
  const tab = parse(tabUrl);
  if (!tab) return false;
  const claimed = parse(claim);
  return adaptersFor(tab).some((adapter) => {
    const id = adapter.ticketIdFromUrl(tab);
    if (id === null) return false;
    // Only Zendesk links are keyed by the bare ticket id (see lib/helpdesk/ticket.ts).
    if (!claimed) return adapter.id === 'zendesk' && claim === id;
    return claimed.origin === tab.origin && adapter.ticketIdFromUrl(claimed) === id;
  });
}

/** A ticket URL (link target, canonical URL) must be on the tab's own origin. */
export function sameOriginAsTab(url: string, tabUrl: string | undefined): boolean {
  const target = parse(url);
  const tab = parse(tabUrl);
  return Boolean(target && tab && target.origin === tab.origin);
}
