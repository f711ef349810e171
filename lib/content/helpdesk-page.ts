import * as freshness from './features/freshness';
import * as references from './features/references';
import * as tabRequests from './features/tab-requests';
import * as ui from './features/ui';
import { createPage, type HelpdeskPage } from './page';
import type { PageLife } from './page-life';

export interface Feature {
  init(page: HelpdeskPage, life: PageLife): void;
}

/**
 * The features loaded with the page, in the order they hear its events (references are read
 * before anything looks for one). The strip, the hover card, suggestions and follow-ups come on demand (`features/ui.ts`).
 */
export const FEATURES: readonly Feature[] = [references, ui, freshness, tabRequests];

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
