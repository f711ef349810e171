import * as freshness from './features/freshness';
import * as references from './features/references';
import * as tabRequests from './features/tab-requests';
import * as ui from './features/ui';
import type { HelpdeskAdapter } from '@/lib/helpdesk/types';
import { createPage, type HelpdeskPage } from './page';
import { type PageLife, startPageLife } from './page-life';

export interface Feature {
  init(page: HelpdeskPage, life: PageLife): void;
}

/**
 * The features loaded with the page, in the order they hear its events (references are read
 * before anything looks for one). The strip, the hover card, suggestions and follow-ups come on demand (`features/ui.ts`).
 */
export const FEATURES: readonly Feature[] = [references, ui, freshness, tabRequests];

/**
 * Everything the content script does on a help-desk page: the page core (`page.ts`) for the desks
 * in `adapters` and one module per feature (`features/`), each `init(page, life)`. Every listener and timer is bound to `life`,
 * so an updated or removed extension leaves nothing behind.
 */
export function runHelpdeskPage(life: PageLife, adapters: readonly HelpdeskAdapter[], features: readonly Feature[] = FEATURES): void {
  const page = createPage(life, adapters);
  for (const feature of features) feature.init(page, life);
  page.start();
}

/** A SaaS desk's own content script (entrypoints/helpdesk-<desk>.ts): the page with that desk's adapter alone. */
export const runDeskPage = (adapter: HelpdeskAdapter): void => runHelpdeskPage(startPageLife(), [adapter]);
