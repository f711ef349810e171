import type { IncidentAttachment } from '@/lib/incident-io/schemas';
import type { PublicIncident } from '@/lib/messaging/public-incident';
import { asOfMark } from '@/lib/time-format';

export interface StripIncident {
  id: string;
  reference: string;
  name: string;
  severity: string | null;
}

/** What the strip on a ticket page shows; null when it shows nothing at all. */
export interface StripModel {
  /** "3 open incidents · most severe: Checkout failing (Critical)", when any public incident is open. */
  summary: string | null;
  mostSevere: StripIncident | null;
  /** Incidents this ticket is linked to. */
  linked: StripIncident[];
  /** `INC-n` references on the page, so the hover cards' content is reachable by keyboard too. */
  pageRefs: string[];
}

/**
 * The fields of an open incident the strip reads. A page keeps no more of an incident than this:
 * the background's list can hold hundreds, each with roles, creator and type.
 */
export type OpenIncident = Pick<PublicIncident, 'id' | 'reference' | 'name' | 'mode' | 'created_at'> & {
  severity?: PublicIncident['severity'];
};

export const forStrip = ({ id, reference, name, mode, created_at, severity }: PublicIncident): OpenIncident => ({
  id, reference, name, mode, created_at, severity,
});

/** The one field of a ticket's attachment the strip reads. */
export type TicketLink = Pick<IncidentAttachment, 'incident_id'>;

const view = (incident: OpenIncident): StripIncident => ({
  id: incident.id,
  reference: incident.reference,
  name: incident.name.replace(/\s+/g, ' ').trim(),
  severity: incident.severity?.name ?? null,
});

/** Highest severity rank first (incident.io: higher rank = more severe); unset below any; then newest. */
export function mostSevere<T extends OpenIncident>(incidents: readonly T[]): T | null {
  let best: T | null = null;
  for (const incident of incidents) {
    if (!best) best = incident;
    else {
      const rank = incident.severity?.rank ?? -Infinity;
      const bestRank = best.severity?.rank ?? -Infinity;
      if (rank > bestRank || (rank === bestRank && incident.created_at > best.created_at)) best = incident;
    }
  }
  return best;
}

/**
 * The strip's content from the open (public) incidents, this ticket's links (already limited by the
 * background to incidents the page may see) and the references found on the page.
 */
export function stripModel(input: {
  open: readonly OpenIncident[];
  attachments: readonly TicketLink[];
  pageRefs: readonly string[];
  /** When the open list was fetched; older than ~15 s at `now`, the summary says "as of 14:05". */
  fetchedAt?: number;
  now?: number;
}): StripModel | null {
  // Drills and onboarding tutorials are not incidents a customer could be hit by.
  const open = input.open.filter((incident) => incident.mode !== 'test' && incident.mode !== 'tutorial');
  const byId = new Map(open.map((incident) => [incident.id, incident]));
  const linkedIds = [...new Set(input.attachments.map((attachment) => attachment.incident_id))];
  const linked = linkedIds.flatMap((id) => {
    const incident = byId.get(id);
    return incident ? [view(incident)] : [];
  });
  const top = mostSevere(open);
  if (!top && linked.length === 0) return null;
  const count = open.length;
  const summary = top
    ? `${count} open incident${count === 1 ? '' : 's'} · most severe: ${view(top).name} (${top.severity?.name ?? 'no severity'})${asOfMark(input.fetchedAt, input.now ?? Date.now())}`
    : null;
  return { summary, mostSevere: top ? view(top) : null, linked, pageRefs: [...input.pageRefs] };
}

