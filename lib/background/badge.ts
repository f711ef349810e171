import { browser } from '#imports';
import type { Incident, Severity } from '@/lib/incident-io/schemas';
import { clip } from './clip';
import { OPEN_CATEGORIES } from './open-incidents';

export type BadgeState =
  | { kind: 'not_configured' }
  /** Connected, but no list fetched yet. */
  | { kind: 'waiting' }
  | { kind: 'key_rejected' }
  | { kind: 'unreachable' }
  /** `severities`: the org's severities (any order); empty when they couldn't be loaded. */
  | { kind: 'open'; incidents: Incident[]; severities: Severity[]; workspaces?: WorkspaceCount[] | null };

/** Open incidents per connected workspace (the active one's counted from its list), when there are several. */
export interface WorkspaceCount { name: string; count: number; active: boolean }

export interface Badge {
  text: string;
  color: string;
  textColor: string;
  title: string;
}

const COLORS = {
  top: '#D92D20',
  second: '#EA580C',
  other: '#F59E0B',
  unranked: '#6B7280',
  neutral: '#5F6368',
} as const;
type Tier = keyof typeof COLORS;
/** Most severe first; a badge takes the colour of its most severe incident. */
const TIER_ORDER: Tier[] = ['top', 'second', 'other', 'unranked'];

const WHITE = '#FFFFFF';
/** White on amber is unreadable. */
const DARK = '#1F2937';

const MAX_NAMED = 5;
const MAX_NAME_CHARS = 48;
const MAX_TITLE_CHARS = 400;

/** What the toolbar button shows for a state: count, colour by worst severity, and a tooltip naming them. */
export function badgeFor(state: BadgeState): Badge {
  switch (state.kind) {
    case 'not_configured':
      return { text: '', color: COLORS.neutral, textColor: WHITE, title: 'Incident Copilot: connect your incident.io API key in Settings' };
    case 'waiting':
      return { text: '', color: COLORS.neutral, textColor: WHITE, title: 'Incident Copilot: checking incident.io for open incidents' };
    case 'key_rejected':
      return { text: '!', color: COLORS.top, textColor: WHITE, title: 'incident.io key rejected: open Settings' };
    case 'unreachable':
      return { text: '?', color: COLORS.unranked, textColor: WHITE, title: "Can't reach incident.io" };
    case 'open':
      return state.workspaces ? summedBadge(openBadge(state.incidents, state.severities), openOf(state.incidents).length, state.workspaces)
        : openBadge(state.incidents, state.severities);
  }
}

const openOf = (all: Incident[]) => all.filter((incident) => (OPEN_CATEGORIES as readonly string[]).includes(incident.incident_status.category));

/**
 * Several workspaces: the count is their sum and the tooltip names each with its count, then the
 * active workspace's incidents as with one. The colour stays the active workspace's worst severity.
 */
function summedBadge(active: Badge, activeCount: number, workspaces: WorkspaceCount[]): Badge {
  const counts = workspaces.map((w) => ({ ...w, count: w.active ? activeCount : w.count }));
  const sum = counts.reduce((total, w) => total + w.count, 0);
  const perWorkspace = counts.map((w) => `${clip(w.name, MAX_NAME_CHARS)}: ${w.count}`).join(', ');
  const head = `${sum} open incident${sum === 1 ? '' : 's'} (${perWorkspace})`;
  return {
    ...active,
    text: sum === 0 ? '' : sum > 99 ? '99+' : String(sum),
    title: clip(activeCount > 0 ? `${head}. ${active.title}` : head, MAX_TITLE_CHARS),
  };
}

function openBadge(all: Incident[], severities: Severity[]): Badge {
  const open = openOf(all);
  if (open.length === 0) return { text: '', color: COLORS.neutral, textColor: WHITE, title: 'Incident Copilot: no open incidents' };
  const ranked = open
    .map((incident) => ({ incident, tier: tierOf(incident.severity, severities) }))
    .sort((a, b) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier)
      || (b.incident.severity?.rank ?? -Infinity) - (a.incident.severity?.rank ?? -Infinity)
      || b.incident.created_at.localeCompare(a.incident.created_at));
  const worst = ranked[0]?.tier ?? 'unranked';
  return {
    text: open.length > 99 ? '99+' : String(open.length),
    color: COLORS[worst],
    textColor: worst === 'other' ? DARK : WHITE,
    title: titleFor(ranked.map(({ incident }) => incident)),
  };
}

/**
 * Relative to the org's ladder: the most severe level is red, the next orange, the rest amber. The
 * incident's own rank is used, so a severity added after the catalog was cached still places.
 */
function tierOf(severity: Severity | undefined, severities: Severity[]): Tier {
  if (!severity) return 'unranked';
  if (severities.length === 0) return 'other';
  const moreSevere = new Set(severities.filter((s) => s.rank > severity.rank).map((s) => s.rank)).size;
  return moreSevere === 0 ? 'top' : moreSevere === 1 ? 'second' : 'other';
}

function titleFor(incidents: Incident[]): string {
  const count = incidents.length;
  const named = incidents.slice(0, MAX_NAMED).map(describe);
  const rest = count - named.length;
  const list = named.join(', ') + (rest > 0 ? `, and ${rest} more` : '');
  return clip(`${count} open incident${count === 1 ? '' : 's'}: ${list}`, MAX_TITLE_CHARS);
}

/** Private incidents are listed by reference only, like their notifications. */
function describe(incident: Incident): string {
  const name = incident.visibility === 'public' ? clip(incident.name, MAX_NAME_CHARS) : 'Private incident';
  const severity = incident.severity ? ` (${incident.severity.name})` : '';
  return `${incident.reference} ${name}${severity}`;
}

export async function applyBadge(badge: Badge): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ text: badge.text }),
    browser.action.setBadgeBackgroundColor({ color: badge.color }),
    browser.action.setBadgeTextColor({ color: badge.textColor }),
    browser.action.setTitle({ title: badge.title }),
  ]);
}
