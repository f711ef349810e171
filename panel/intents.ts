import { EMPTY_DECLARE_DRAFT } from '@/lib/declare-draft';
import { send } from '@/lib/messaging/send';
import type { PanelIntent, TicketRef } from '@/lib/panel-intent';
import type { Requester } from '@/lib/suggest/customer';
import { declareDraftItem, panelIntentItem } from '@/lib/storage';
import { draftHasText, newIdempotencyKey } from './draft';

/** A prefill (context menu, shortcut, Copilot) becomes a fresh draft for the agent to confirm. */
export async function applyDeclarePrefill(prefill: {
  name?: string; summary?: string; severityId?: string; linkTickets?: TicketRef[]; requester?: Requester;
}) {
  const offer = {
    name: prefill.name ?? '', summary: prefill.summary ?? '', severityId: prefill.severityId ?? '',
    ...(prefill.linkTickets?.length ? { linkTickets: prefill.linkTickets } : {}),
    ...(prefill.requester ? { requester: prefill.requester } : {}),
  };
  const current = await declareDraftItem.get();
  // A draft in progress stays; the Declare view asks whether to replace it.
  if (current && draftHasText(current.draft)) {
    await declareDraftItem.set({ ...current, offer });
    return;
  }
  await declareDraftItem.set(await draftFromOffer(offer));
}

/** A fresh draft (with its own idempotency key) holding offered text (and tickets to link once declared). */
export async function draftFromOffer({ linkTickets, ...offer }: {
  name: string; summary: string; severityId: string; linkTickets?: TicketRef[]; requester?: Requester;
}) {
  return {
    draft: { ...EMPTY_DECLARE_DRAFT, ...offer }, idempotencyKey: newIdempotencyKey(),
    ...(linkTickets?.length ? { linkTickets } : {}),
  };
}

/** Takes what the menu, shortcut or a help-desk page asked the panel to show, if anything. */
export async function takeIntent(): Promise<PanelIntent | null> {
  // Most opens have none: a storage read then spares the background a wake-up and a round trip.
  // Taking (read and clear) stays with the background, so two panels can't both act on one intent.
  if (!(await panelIntentItem.get())) return null;
  const { intent } = await send('panel/take-intent', {});
  if (intent?.kind === 'declare') await applyDeclarePrefill(intent.prefill);
  return intent;
}
