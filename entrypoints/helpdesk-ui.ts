import { defineUnlistedScript } from '#imports';
import { insertIntoReply } from '@/lib/content/actions';
import * as followups from '@/lib/content/features/followups';
import * as hoverCard from '@/lib/content/features/hover-card';
import * as strip from '@/lib/content/features/strip';
import * as suggestions from '@/lib/content/features/suggestions';
import { registerUi } from '@/lib/content/ui-hook';
import { requesterOf } from '@/lib/helpdesk/requester';

/**
 * The help-desk UI (helpdesk-ui.js): strip, hover card, suggested incidents, follow-ups and the reply editors, injected by the
 * background (`helpdesk/ui`, lib/background/helpdesk-ui.ts) into a help-desk frame the first time
 * it has something to show, and handed to the script already running there (lib/content/ui-loader.ts).
 */
export default defineUnlistedScript(() => registerUi({
  strip: strip.init,
  hoverCard: hoverCard.init,
  insertIntoReply,
  requester: (page) => (page.adapter ? requesterOf(page.adapter, page.doc) : undefined),
  ticketFeatures: (page, life, asks) => {
    suggestions.init(page, life, asks);
    followups.init(page, life, asks);
  },
}));
