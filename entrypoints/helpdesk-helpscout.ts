import { defineUnlistedScript } from '#imports';
import { runDeskPage } from '@/lib/content/helpdesk-page';
import { helpscout } from '@/lib/helpdesk/adapters/helpscout';

/** Help Scout's content script: the help-desk page (entrypoints/helpdesk.ts) with only Help Scout's adapter. */
export default defineUnlistedScript(() => runDeskPage(helpscout));
