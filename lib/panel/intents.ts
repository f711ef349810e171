import { send } from '@/lib/messaging/send';
import type { PanelIntent, TicketRef } from '@/lib/panel-intent';
import { declareDraftItem, panelIntentItem } from '@/lib/storage';
import { newIdempotencyKey } from './draft';

/** A prefill (context menu, shortcut, Copilot) becomes a fresh draft for the agent to confirm. */
export async function applyDeclarePrefill(prefill: { name?: string; summary?: string; severityId?: string; linkTickets?: TicketRef[] }) {
  // The form's module loads with the Declare view, not with the panel's first screen.
  const { EMPTY_DECLARE_DRAFT } = await import('@/components/declare-form');
  await declareDraftItem.set({
    draft: { ...EMPTY_DECLARE_DRAFT, name: prefill.name ?? '', summary: prefill.summary ?? '', severityId: prefill.severityId ?? '' },
    idempotencyKey: newIdempotencyKey(),
    ...(prefill.linkTickets?.length ? { linkTickets: prefill.linkTickets } : {}),
  });
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
