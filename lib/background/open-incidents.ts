import type { Incident } from '@/lib/incident-io/schemas';
import type { OpenIncidents } from '@/lib/messaging/protocol';
import { openIncidentsAreFresh } from '@/lib/shared-cache';
import { openIncidentsItem } from '@/lib/storage';
import { connectedClient } from './client';

/** Open = not yet resolved: triage, live (shown as Active) and paused. */
export const OPEN_CATEGORIES = ['triage', 'live', 'paused'] as const;

let inFlight: Promise<OpenIncidents> | null = null;

/**
 * Fetches every open incident into the shared cache. Concurrent callers share one request, so any
 * number of side panels and help-desk tabs cost one list call per refresh.
 */
export function refreshOpenIncidents(now: () => number = Date.now): Promise<OpenIncidents> {
  inFlight ??= (async () => {
    try {
      const client = await connectedClient();
      // Large orgs: readers see the first page (`complete: false`) while the rest load, then the
      // whole list. Only those two writes: every write is parsed and copied to every reader, so
      // publishing the growing list after each page would cost quadratic time in the org's size.
      let firstPage: Promise<void> | undefined;
      const incidents = await client.listAllIncidents({
        statusCategories: [...OPEN_CATEGORIES],
        pageSize: 250,
        onPage: (soFar) => {
          // A failed partial write only delays the rows until the whole list is written.
          firstPage ??= openIncidentsItem.set({ incidents: soFar, fetchedAt: now(), complete: false }).catch(() => undefined);
        },
      });
      await firstPage;
      const snapshot = { incidents, fetchedAt: now(), complete: true };
      await openIncidentsItem.set(snapshot);
      return snapshot;
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

/** The cached list when it is younger than `maxAgeMs`, else a refresh. */
export async function readOpenIncidents(maxAgeMs: number, now: () => number = Date.now): Promise<OpenIncidents> {
  const cached = await openIncidentsItem.get();
  if (openIncidentsAreFresh(cached, maxAgeMs, now())) return cached;
  return refreshOpenIncidents(now);
}

/** Help-desk pages are customer-facing: they only ever see public incidents. */
export const publicOnly = (incidents: Incident[]) => incidents.filter((incident) => incident.visibility === 'public');
