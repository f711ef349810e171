import { defineUnlistedScript } from '#imports';
import { runDeskPage } from '@/lib/content/helpdesk-page';
import { gorgias } from '@/lib/helpdesk/adapters/gorgias';

/** Gorgias's content script: the help-desk page (entrypoints/helpdesk.ts) with only Gorgias's adapter. */
export default defineUnlistedScript(() => runDeskPage(gorgias));
