import { freescout } from './adapters/freescout';
import { freshdesk } from './adapters/freshdesk';
import { front } from './adapters/front';
import { generic } from './adapters/generic';
import { gorgias } from './adapters/gorgias';
import { helpscout } from './adapters/helpscout';
import { hubspot } from './adapters/hubspot';
import { intercom } from './adapters/intercom';
import { osticket } from './adapters/osticket';
import { requestTracker } from './adapters/request-tracker';
import { zammad } from './adapters/zammad';
import { zendesk } from './adapters/zendesk';
import { matchesPattern } from './match-pattern';
import type { HelpdeskAdapter } from './types';

/** Every known desk, generic last (it is the fallback, never a match of its own). */
export const ADAPTERS: readonly HelpdeskAdapter[] = [
  zendesk, intercom, freshdesk, hubspot, helpscout, front, gorgias,
  zammad, freescout, osticket, requestTracker, generic,
];

/** The SaaS desk whose host and path the URL is under (self-hosted desks need DOM proof). */
export function adapterForUrl(url: URL): HelpdeskAdapter | null {
  return ADAPTERS.find((adapter) => adapter.matches.some((pattern) => matchesPattern(pattern, url))) ?? null;
}

/**
 * The adapter for a page: a SaaS desk by URL; then a self-hosted desk whose URL shape and DOM
 * anchors agree, or whose anchors alone prove it; else generic when the URL looks like a ticket.
 */
export function detectAdapter(doc: Document, url: URL): HelpdeskAdapter | null {
  const bySite = adapterForUrl(url);
  if (bySite) return bySite;
  const selfHosted = ADAPTERS.filter((adapter) => adapter.selfHosted && adapter !== generic);
  return selfHosted.find((adapter) => adapter.ticketIdFromUrl(url) !== null && adapter.detect(doc))
    ?? selfHosted.find((adapter) => adapter.detect(doc))
    ?? (generic.ticketIdFromUrl(url) !== null ? generic : null);
}

/** Content-script `matches` for the manifest. */
export function saasMatchPatterns(): string[] {
  return ADAPTERS.flatMap((adapter) => adapter.matches);
}
