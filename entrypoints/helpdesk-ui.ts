import { defineUnlistedScript } from '#imports';
import { insertIntoReply } from '@/lib/content/actions';
import * as hoverCard from '@/lib/content/features/hover-card';
import * as strip from '@/lib/content/features/strip';
import { registerUi } from '@/lib/content/ui-hook';

/**
 * The help-desk UI (helpdesk-ui.js): strip, hover card and the reply editors, injected by the
 * background (`helpdesk/ui`, lib/background/helpdesk-ui.ts) into a help-desk frame the first time
 * it has something to show, and handed to the script already running there (lib/content/ui-loader.ts).
 */
export default defineUnlistedScript(() => registerUi({ strip: strip.init, hoverCard: hoverCard.init, insertIntoReply }));
