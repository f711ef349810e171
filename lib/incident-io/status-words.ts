import type { IncidentStatus } from './schemas';

/**
 * The product speaks four status words; each org has its own statuses (ids, names, categories).
 * This module maps between the two in both directions and knows which moves incident.io's API allows
 * (API-NOTES.md "Edit" and "Mapping triage / active / monitoring / resolved").
 */

export const STATUS_WORDS = ['triage', 'active', 'monitoring', 'resolved'] as const;
export type StatusWord = (typeof STATUS_WORDS)[number];
/** The org's status id chosen for each product word (null: the org has none that fits). */
export type StatusMapping = Record<StatusWord, string | null>;
/** What a person asked for: one of the product words, or one of the org's own status names. */
export type StatusTarget = { word: StatusWord } | { statusName: string };
export type StatusMove = { allowed: true } | { allowed: false; reason: string };

type StatusFacts = Pick<IncidentStatus, 'id' | 'name' | 'category'>;

export const INVALID_STATUS_MESSAGE =
  'Cannot update status: valid statuses are triage, active, monitoring and resolved.';

const SYNONYMS_BY_WORD: Record<StatusWord, readonly string[]> = {
  triage: ['triage', 'triaging'],
  active: ['active', 'investigating', 'ongoing', 'live', 'open', 'reopen', 'reopened'],
  monitoring: ['monitoring', 'monitor', 'watching'],
  resolved: ['resolved', 'resolve', 'fixed', 'closed', 'done', 'solved', 'over'],
};
// A Map, not an object lookup: typed text must never hit Object.prototype keys ("constructor").
const SYNONYMS = new Map(STATUS_WORDS.flatMap((word) => SYNONYMS_BY_WORD[word].map((s) => [s, word] as const)));
// Word precedence when one status id is mapped to several words: "Monitoring" is also live (active).
const READ_PRECEDENCE: readonly StatusWord[] = ['triage', 'monitoring', 'active', 'resolved'];
const MONITORING_NAME = /monitor/i;
const OPEN_FAMILY = new Set(['live', 'paused']);
const RESOLVED_CATEGORIES = new Set(['learning', 'closed', 'declined', 'canceled', 'merged']);
const WITHDRAWN_CATEGORIES = new Set(['declined', 'canceled', 'merged']);
// Categories a person may plausibly move an incident to, listed when their input isn't understood.
const SETTABLE_CATEGORIES = new Set(['live', 'paused', 'learning', 'closed']);

/** Case, spacing and punctuation don't matter: "Back to active", "re-open", "RESOLVED!". */
function wordKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function isStatusWord(key: string): key is StatusWord {
  return (STATUS_WORDS as readonly string[]).includes(key);
}

/** A product word or synonym ("fixed", "back to active", "watching") → the word, else null. */
export function parseStatusWord(text: string): StatusWord | null {
  const key = wordKey(text);
  return SYNONYMS.get(key.startsWith('backto') ? key.slice('backto'.length) : key) ?? null;
}

export function isOpenCategory(category: string): boolean {
  return category === 'triage' || OPEN_FAMILY.has(category);
}

/** A name-based first guess at the org's mapping; people can override it in settings. */
export function defaultStatusMapping(statuses: readonly IncidentStatus[]): StatusMapping {
  const ranked = [...statuses].sort((a, b) => a.rank - b.rank);
  const inCategory = (category: string) => ranked.filter((s) => s.category === category);
  const live = inCategory('live');
  const working = live.filter((s) => !MONITORING_NAME.test(s.name));
  const closed = inCategory('closed');
  const pick = (status: IncidentStatus | undefined) => status?.id ?? null;
  return {
    triage: pick(inCategory('triage')[0]),
    active: pick(working.find((s) => /investigat/i.test(s.name)) ?? working[0]),
    monitoring: pick(live.find((s) => MONITORING_NAME.test(s.name))),
    // Closed before the post-incident flow, as documented; an org without one still gets an answer.
    resolved: pick(closed.find((s) => /closed|resolved/i.test(s.name)) ?? inCategory('learning')[0] ?? closed[0]),
  };
}

/** The product word for an incident's current status; null for a category we don't know. */
export function statusWordFor(status: StatusFacts, mapping: StatusMapping): StatusWord | null {
  const mapped = READ_PRECEDENCE.find((word) => mapping[word] === status.id);
  if (mapped) return mapped;
  if (status.category === 'triage') return 'triage';
  if (OPEN_FAMILY.has(status.category)) return MONITORING_NAME.test(status.name) ? 'monitoring' : 'active';
  return RESOLVED_CATEGORIES.has(status.category) ? 'resolved' : null;
}

/**
 * What a typed target means. Precedence: an exact product word, then an org status name (so
 * "Investigating" picks that status, not whatever "active" maps to), then a synonym.
 */
export function parseStatusTarget(input: string, statusNames: readonly string[]): StatusTarget | null {
  const key = wordKey(input);
  if (!key) return null;
  if (isStatusWord(key)) return { word: key };
  const statusName = statusNames.find((name) => wordKey(name) === key);
  if (statusName) return { statusName };
  const word = parseStatusWord(input);
  return word ? { word } : null;
}

/** The seed's error text, plus the org's own status names when we know them. */
export function invalidStatusMessage(statusNames: readonly string[] = []): string {
  return statusNames.length
    ? `${INVALID_STATUS_MESSAGE} Your incident.io statuses work too: ${statusNames.join(', ')}.`
    : INVALID_STATUS_MESSAGE;
}

/** The org status a target stands for. */
export function statusForTarget(
  target: StatusTarget,
  statuses: readonly IncidentStatus[],
  mapping: StatusMapping,
): { status: IncidentStatus } | { error: string } {
  if ('statusName' in target) {
    const status = statuses.find((s) => s.name === target.statusName);
    return status ? { status } : { error: invalidStatusMessage(settableNames(statuses)) };
  }
  const status = statuses.find((s) => s.id === mapping[target.word]);
  if (status) return { status };
  return {
    error: `Cannot update status: no incident.io status is chosen for "${target.word}". Pick one in Settings, or use one of your statuses: ${settableNames(statuses).join(', ')}.`,
  };
}

/** Typed input → the org status to move to, or the error to show. */
export function resolveTarget(
  input: string,
  statuses: readonly IncidentStatus[],
  mapping: StatusMapping,
): { status: IncidentStatus } | { error: string } {
  const target = parseStatusTarget(input, statuses.map((s) => s.name));
  return target ? statusForTarget(target, statuses, mapping) : { error: invalidStatusMessage(settableNames(statuses)) };
}

function settableNames(statuses: readonly IncidentStatus[]): string[] {
  return [...statuses]
    .filter((s) => SETTABLE_CATEGORIES.has(s.category))
    .sort((a, b) => a.rank - b.rank)
    .map((s) => s.name);
}

/**
 * Whether incident.io's API documents this move (others answer 422 or must be done in the app).
 * `reference` ("INC-123") makes the refusal texts specific.
 */
export function checkStatusMove(from: StatusFacts, to: StatusFacts, reference?: string): StatusMove {
  const refuse = (reason: string): StatusMove => ({ allowed: false, reason });
  const fromOpen = OPEN_FAMILY.has(from.category);
  const toOpen = OPEN_FAMILY.has(to.category);
  const toResolve = to.category === 'learning' || to.category === 'closed';

  if (from.id === to.id) return refuse(`${reference ?? 'This incident'} is already ${to.name}.`);
  if (to.category === 'triage') return refuse("An incident can't go back to triage.");
  if (fromOpen && toOpen) return { allowed: true };
  if (from.category === 'triage' && toOpen) {
    return refuse('incident.io only lets you accept a triage incident in the incident.io app or Slack, not through the API.');
  }
  if ((fromOpen || from.category === 'triage') && toResolve) return { allowed: true };
  if (from.category === 'learning' && to.category === 'closed') return { allowed: true };
  if (from.category === 'closed' && to.category === 'closed') return { allowed: true };
  if (from.category === 'learning' && to.category === 'learning') {
    return refuse("incident.io moves post-incident statuses on as the post-incident tasks are done; they can't be changed through the API.");
  }
  if (RESOLVED_CATEGORIES.has(from.category) && toOpen) {
    return refuse('Reopening a resolved incident has to be done in incident.io.');
  }
  if (WITHDRAWN_CATEGORIES.has(to.category)) {
    return refuse('Declining, cancelling or merging an incident has to be done in incident.io.');
  }
  return refuse(`Moving ${reference ?? 'this incident'} from ${from.name} to ${to.name} has to be done in incident.io.`);
}
