/** Relative-time wording shared by the side panel and the help-desk hover card (no React, no Intl). */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Compact age for dense rows: "<1 min", "12 min", "3 h", "2 d". Future times (clock skew) count as now. */
export function formatAge(elapsedMs: number): string {
  const ms = Math.max(0, elapsedMs);
  if (ms < MINUTE) return '<1 min';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h`;
  return `${Math.floor(ms / DAY)} d`;
}

/** Sentence form: "just now", "12 min ago". */
export function formatAgo(elapsedMs: number): string {
  return elapsedMs < MINUTE ? 'just now' : `${formatAge(elapsedMs)} ago`;
}
