import { defineUnlistedScript } from '#imports';
import { runDeskPage } from '@/lib/content/helpdesk-page';
import { front } from '@/lib/helpdesk/adapters/front';

/** Front's content script: the help-desk page (entrypoints/helpdesk.ts) with only Front's adapter. */
export default defineUnlistedScript(() => runDeskPage(front));
