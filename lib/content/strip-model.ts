import type { IncidentAttachment } from '@/lib/incident-io/schemas';
import type { PublicIncident } from '@/lib/messaging/public-incident';
import { asOfMark } from '@/lib/time-format';

export interface StripIncident {
  id: string;
  reference: string;
  name: string;
  severity: string | null;
  /** Its workspace's name, only when the agent connected several (issue 12 §4). */
  workspace?: string;
}

/** Another (inactive) workspace's open incidents: shown, never acted on from the page (see `stripModel`). */
export interface StripWorkspace {
  workspace: string;
  /** "2 open incidents · most severe: Checkout failing (Critical)". */
  summary: string;
  mostSevere: StripIncident;
}

/** What the strip on a ticket page shows; null when it shows nothing at all. */
export interface StripModel {
  /** "3 open incidents · most severe: Checkout failing (Critical)", when any public incident is open. */
  summary: string | null;
  mostSevere: StripIncident | null;
  /** Incidents this ticket is linked to. */
  linked: StripIncident[];
  /** With several workspaces, each inactive one that has open incidents, in the agent's order. */
  elsewhere: StripWorkspace[];
  /** `INC-n` references on the page, so the hover cards' content is reachable by keyboard too. */
  pageRefs: string[];
}

/**
 * The fields of an open incident the strip reads. A page keeps no more of an incident than this:
 * the background's list can hold hundreds, each with roles, creator and type.
 */
export type OpenIncident = Pick<PublicIncident, 'id' | 'reference' | 'name' | 'mode' | 'created_at'> & {
  severity?: PublicIncident['severity'];
  workspace?: PublicIncident['workspace'];
};

export const forStrip = ({ id, reference, name, mode, created_at, severity, workspace }: PublicIncident): OpenIncident => ({
  id, reference, name, mode, created_at, severity, ...(workspace ? { workspace } : {}),
});

/**
 * The active workspace's (or the only one's) incident. References collide across organisations
 * (INC-1 in both), and the side panel and "Insert update" look a reference up in the active one,
 * so a page offers actions only on these.
 */
export const isActionable = (incident: OpenIncident) => incident.workspace?.active !== false;

/** The one field of a ticket's attachment the strip reads. */
export type TicketLink = Pick<IncidentAttachment, 'incident_id'>;

const view = (incident: OpenIncident): StripIncident => ({
  id: incident.id,
  reference: incident.reference,
  name: incident.name.replace(/\s+/g, ' ').trim(),
  severity: incident.severity?.name ?? null,
  ...(incident.workspace ? { workspace: incident.workspace.name } : {}),
});

const summaryOf = (open: readonly OpenIncident[], top: OpenIncident) =>
  `${open.length} open incident${open.length === 1 ? '' : 's'} · most severe: ${view(top).name} (${top.severity?.name ?? 'no severity'})`;

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

/** Drills and onboarding tutorials are not incidents a customer could be hit by. */
const isReal = (incident: OpenIncident) => incident.mode !== 'test' && incident.mode !== 'tutorial';

/**
 * Whether `stripModel` would show anything: a real open incident in any workspace (a link counts only
 * to an open one). Apart from the model so the script every page loads holds no more than this.
 */
export const stripShowsSomething = (open: readonly OpenIncident[]) => open.some(isReal);

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
  const all = input.open.filter(isReal);
  const open = all.filter(isActionable);
  // The ticket's links are the active workspace's (the background lists them with its key).
  const byId = new Map(open.map((incident) => [incident.id, incident]));
  const linkedIds = [...new Set(input.attachments.map((attachment) => attachment.incident_id))];
  const linked = linkedIds.flatMap((id) => {
    const incident = byId.get(id);
    return incident ? [view(incident)] : [];
  });
  const top = mostSevere(open);
  const elsewhere = elsewhereOf(all.filter((incident) => !isActionable(incident)));
  if (!top && linked.length === 0 && elsewhere.length === 0) return null;
  return { summary: top ? `${summaryOf(open, top)}${asOfMark(input.fetchedAt, input.now ?? Date.now())}` : null, mostSevere: top ? view(top) : null, linked, elsewhere, pageRefs: [...input.pageRefs] };
}

function elsewhereOf(others: readonly OpenIncident[]): StripWorkspace[] {
  const byWorkspace = new Map<string, OpenIncident[]>();
  for (const incident of others) {
    const name = incident.workspace?.name ?? '';
    byWorkspace.set(name, [...(byWorkspace.get(name) ?? []), incident]);
  }
  return [...byWorkspace].flatMap(([workspace, incidents]) => {
    const top = mostSevere(incidents);
    return top ? [{ workspace, summary: summaryOf(incidents, top), mostSevere: view(top) }] : [];
  });
}
