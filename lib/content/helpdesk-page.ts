import * as followups from './features/followups';
import * as freshness from './features/freshness';
import * as hoverCard from './features/hover-card';
import * as references from './features/references';
import * as strip from './features/strip';
import * as suggestions from './features/suggestions';
import * as tabRequests from './features/tab-requests';
import { createPage } from './page';
import type { PageLife } from './page-life';

export interface Feature {
  init(page: ReturnType<typeof createPage>, life: PageLife): void;
}

/**
 * The help-desk features, in the order they hear the page's events: references are read before
 * the hover card looks for one under the pointer, and before the strip lists them.
 */
export const FEATURES: readonly Feature[] = [references, hoverCard, strip, suggestions, followups, freshness, tabRequests];

/**
 * Everything the content script does on a help-desk page: the page core (`page.ts`) and one module
 * per feature (`features/`), each `init(page, life)`. Every listener and timer is bound to `life`,
 * so an updated or removed extension leaves nothing behind.
 */
export function runHelpdeskPage(life: PageLife, features: readonly Feature[] = FEATURES): void {
  const page = createPage(life);
  for (const feature of features) feature.init(page, life);
  page.start();
}
