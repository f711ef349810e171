import { defineUnlistedScript } from '#imports';
import { runDeskPage } from '@/lib/content/helpdesk-page';
import { freshdesk } from '@/lib/helpdesk/adapters/freshdesk';

/** Freshdesk's content script: the help-desk page (entrypoints/helpdesk.ts) with only Freshdesk's adapter. */
export default defineUnlistedScript(() => runDeskPage(freshdesk));
