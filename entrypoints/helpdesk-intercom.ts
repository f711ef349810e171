import { defineUnlistedScript } from '#imports';
import { runDeskPage } from '@/lib/content/helpdesk-page';
import { intercom } from '@/lib/helpdesk/adapters/intercom';

/** Intercom's content script: the help-desk page (entrypoints/helpdesk.ts) with only Intercom's adapter. */
export default defineUnlistedScript(() => runDeskPage(intercom));
