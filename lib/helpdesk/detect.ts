import { generic } from './adapters/generic';
import { matchesPattern } from './match-pattern';
import type { HelpdeskAdapter } from './types';

/**
 * Which desk a page is, among `adapters`: the registry's full list (the background, self-hosted
 * pages) or the one desk a SaaS desk's own content script carries (entrypoints/helpdesk-<desk>.ts).
 * Apart from the registry so that a desk's script holds no other desk's adapter.
 */

/** The SaaS desk whose host and path the URL is under (self-hosted desks need DOM proof). */
export function adapterForUrlIn(adapters: readonly HelpdeskAdapter[], url: URL): HelpdeskAdapter | null {
  return adapters.find((adapter) => adapter.matches.some((pattern) => matchesPattern(pattern, url))) ?? null;
}

/**
 * The adapter for a page: a SaaS desk by URL; then a self-hosted desk whose URL shape and DOM
 * anchors agree, or whose anchors alone prove it; else generic when the URL looks like a ticket.
 */
export function detectAdapterIn(adapters: readonly HelpdeskAdapter[], doc: Document, url: URL): HelpdeskAdapter | null {
  const bySite = adapterForUrlIn(adapters, url);
  if (bySite) return bySite;
  const selfHosted = adapters.filter((adapter) => adapter.selfHosted && adapter !== generic);
  return selfHosted.find((adapter) => adapter.ticketIdFromUrl(url) !== null && adapter.detect(doc))
    ?? selfHosted.find((adapter) => adapter.detect(doc))
    ?? (generic.ticketIdFromUrl(url) !== null ? generic : null);
}
