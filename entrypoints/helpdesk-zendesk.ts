import { defineUnlistedScript } from '#imports';
import { runDeskPage } from '@/lib/content/helpdesk-page';
import { zendesk } from '@/lib/helpdesk/adapters/zendesk';

/** Zendesk's content script: the help-desk page (entrypoints/helpdesk.ts) with only Zendesk's adapter. */
export default defineUnlistedScript(() => runDeskPage(zendesk));
