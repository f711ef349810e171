import { defineContentScript } from '#imports';
import { runHelpdeskPage } from '@/lib/content/helpdesk-page';
import { saasMatchPatterns } from '@/lib/helpdesk/registry';

/**
 * Help-desk pages. The manifest covers the SaaS desks; self-hosted desks get this same file
 * registered at run time for the origins the agent enables (lib/background/site-access.ts).
 */
export default defineContentScript({
  matches: saasMatchPatterns(),
  runAt: 'document_idle',
  main: runHelpdeskPage,
});
