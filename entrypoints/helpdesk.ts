import { defineUnlistedScript } from '#imports';
import { runHelpdeskPage } from '@/lib/content/helpdesk-page';
import { startPageLife } from '@/lib/content/page-life';

/**
 * The help-desk content script (helpdesk.js). wxt.config.ts declares it for the SaaS desks; self-
 * hosted desks get it registered at run time for the origins the agent enables
 * (lib/background/site-access.ts). An unlisted script rather than `defineContentScript`, whose
 * context object costs every ticket page more than the rest of the start-up (see page-life.ts).
 */
export default defineUnlistedScript(() => runHelpdeskPage(startPageLife()));
