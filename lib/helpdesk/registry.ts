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
import { adapterForUrlIn, detectAdapterIn } from './detect';
import type { HelpdeskAdapter } from './types';

/** Every known desk, generic last (it is the fallback, never a match of its own). */
export const ADAPTERS: readonly HelpdeskAdapter[] = [
  zendesk, intercom, freshdesk, hubspot, helpscout, front, gorgias,
  zammad, freescout, osticket, requestTracker, generic,
];

/** The SaaS desk whose host and path the URL is under (self-hosted desks need DOM proof). */
export const adapterForUrl = (url: URL): HelpdeskAdapter | null => adapterForUrlIn(ADAPTERS, url);

/** The adapter for a page among every known desk (`detectAdapterIn`). */
export const detectAdapter = (doc: Document, url: URL): HelpdeskAdapter | null => detectAdapterIn(ADAPTERS, doc, url);

/** The desks on their own hosts: each gets its own content script with only its adapter (wxt.config.ts). */
export const SAAS_ADAPTERS: readonly HelpdeskAdapter[] = ADAPTERS.filter((adapter) => !adapter.selfHosted && adapter.matches.length > 0);

/** Content-script `matches` for the manifest. */
export function saasMatchPatterns(): string[] {
  return ADAPTERS.flatMap((adapter) => adapter.matches);
}
