import { defineUnlistedScript } from '#imports';
import { runDeskPage } from '@/lib/content/helpdesk-page';
import { hubspot } from '@/lib/helpdesk/adapters/hubspot';

/** HubSpot's content script: the help-desk page (entrypoints/helpdesk.ts) with only HubSpot's adapter. */
export default defineUnlistedScript(() => runDeskPage(hubspot));
