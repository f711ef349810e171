import type { IncidentStatus } from '@/lib/incident-io/schemas';

// incident.io's app names for its status categories (the API says `live`, people say "Active").
const CATEGORY_LABELS: Record<string, string> = {
  triage: 'Triage',
  live: 'Active',
  learning: 'Post-incident',
  paused: 'Paused',
  closed: 'Closed',
  declined: 'Declined',
  canceled: 'Canceled',
  merged: 'Merged',
};

/** Human label for a category; unknown (newer) categories show as sent. */
export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? category;
}

const FINISHED_CATEGORIES = new Set(['learning', 'closed', 'declined', 'canceled', 'merged']);

/** Whether moving to this status ends the incident (asks for confirmation). */
export function isFinishedCategory(category: string): boolean {
  return FINISHED_CATEGORIES.has(category);
}

/** Which open-incident group a status belongs to; null when the incident is no longer open. */
export function openGroupOf(status: IncidentStatus): 'triage' | 'active' | null {
  if (status.category === 'triage') return 'triage';
  // Unknown categories stay visible: hiding an open incident is worse than showing a finished one.
  return isFinishedCategory(status.category) ? null : 'active';
}

export function byRank<T extends { rank: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.rank - b.rank);
}
