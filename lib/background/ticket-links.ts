import type { IncidentAttachment } from '@/lib/incident-io/schemas';
import { ticketLinksItem } from '@/lib/storage';
import { connectedClient } from './client';

/**
 * Incidents linked to a ticket, cached per ticket for one poll interval: every open help-desk tab
 * asks for its ticket's links on each refresh, and without the cache API calls would grow with tabs.
 */
export async function ticketLinks(externalId: string, maxAgeMs: number, now = Date.now()): Promise<IncidentAttachment[]> {
  const cache = await ticketLinksItem.get();
  const cached = cache[externalId];
  if (cached && now - cached.fetchedAt < maxAgeMs) return cached.attachments;
  const attachments = await (await connectedClient()).listAttachments({ externalId });
  // Only the freshest entries are kept, so a long day of tickets doesn't grow the session store.
  const kept = Object.entries(cache).filter(([, entry]) => now - entry.fetchedAt < maxAgeMs);
  await ticketLinksItem.set({ ...Object.fromEntries(kept), [externalId]: { attachments, fetchedAt: now } });
  return attachments;
}

/** After a link or unlink from this browser, the next read asks incident.io again. */
export async function forgetTicketLinks(): Promise<void> {
  await ticketLinksItem.remove();
}
