import type { ApiKey, Org, Status, StatusCategory } from './state';

/** Paused incidents are still open: the API treats them like live ones. */
const OPEN: StatusCategory[] = ['live', 'paused'];
const RESOLVED: StatusCategory[] = ['learning', 'closed'];

export type MoveCheck =
  | { ok: true }
  | { ok: false; kind: 'app_only'; message: string }
  | { ok: false; kind: 'missing_role'; role: 'post_incident_flow_opt_out' };

/**
 * The status changes incident.io's edit endpoint documents: within a category, triage/live → learning or
 * closed, learning → closed. Everything else (accept, decline, merge, reopen, back to triage) is app-only.
 */
export function checkStatusMove(from: Status, to: Status, key: ApiKey, org: Org): MoveCheck {
  if (from.id === to.id) return { ok: true };
  const sameOpenGroup = OPEN.includes(from.category) && OPEN.includes(to.category);
  const learningToLearning = from.category === 'learning' && to.category === 'learning';
  if ((from.category === to.category && !learningToLearning) || sameOpenGroup) return { ok: true };

  const resolvable = from.category === 'triage' || OPEN.includes(from.category);
  if (resolvable && RESOLVED.includes(to.category)) {
    const skipsFlow = to.category === 'closed' && org.postIncidentFlowRequired;
    if (skipsFlow && !key.roles.includes('post_incident_flow_opt_out')) {
      return { ok: false, kind: 'missing_role', role: 'post_incident_flow_opt_out' };
    }
    return { ok: true };
  }
  if (from.category === 'learning' && to.category === 'closed') return { ok: true };
  return { ok: false, kind: 'app_only', message: `${describeMove(from, to)} must be done in the incident.io app, not through the API.` };
}

function describeMove(from: Status, to: Status): string {
  if (to.category === 'triage') return 'Moving an incident back to triage';
  if (to.category === 'declined') return 'Declining an incident';
  if (to.category === 'merged') return 'Merging incidents';
  if (to.category === 'canceled') return 'Cancelling an incident';
  if (from.category === 'triage') return `Accepting a triage incident (moving it to ${to.name})`;
  if (learningOrDone(from.category)) return `Reopening an incident (${from.name} → ${to.name})`;
  return `Changing status from ${from.name} to ${to.name}`;
}

const learningOrDone = (category: StatusCategory): boolean =>
  ['learning', 'closed', 'declined', 'merged', 'canceled'].includes(category);
