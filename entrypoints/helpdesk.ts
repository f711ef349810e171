import { defineUnlistedScript } from '#imports';
import { runHelpdeskPage } from '@/lib/content/helpdesk-page';
import { startPageLife } from '@/lib/content/page-life';
import { ADAPTERS } from '@/lib/helpdesk/registry';

/**
 * The help-desk content script that knows every desk (helpdesk.js): self-hosted desks get it
 * registered at run time for the origins the agent enables (lib/background/site-access.ts), with the
 * highlight style (helpdesk.css). Each SaaS desk has its own script with only its adapter
 * (helpdesk-<desk>.ts), which wxt.config.ts declares for its hosts. Unlisted scripts rather than
 * `defineContentScript`: their lifecycle is lib/content/page-life.ts, lighter than WXT's context
 * object (see there).
 */
export default defineUnlistedScript(() => runHelpdeskPage(startPageLife(), ADAPTERS));
