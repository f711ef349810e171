import { defineUnlistedScript } from '#imports';
import { runHelpdeskPage } from '@/lib/content/helpdesk-page';
import { startPageLife } from '@/lib/content/page-life';

/**
 * The help-desk content script (helpdesk.js). wxt.config.ts declares it for the SaaS desks; self-
 * hosted desks get it registered at run time for the origins the agent enables
 * (lib/background/site-access.ts), each with the highlight style (helpdesk.css). An unlisted
 * script rather than `defineContentScript`: its lifecycle is lib/content/page-life.ts, lighter than
 * WXT's context object (see there).
 */
export default defineUnlistedScript(() => runHelpdeskPage(startPageLife()));
