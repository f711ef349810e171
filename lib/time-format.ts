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

/** Under this a list counts as current ("just now"); older, its age shows (lib/shared-cache.ts uses the same). */
export const CURRENT_FOR_MS = 15_000;

/** "Updated …" wording for a list: "just now" only when it is under 15 s old, then "40 s ago", "3 min ago". */
export function formatUpdated(elapsedMs: number): string {
  if (elapsedMs < CURRENT_FOR_MS) return 'just now';
  if (elapsedMs < MINUTE) return `${Math.floor(elapsedMs / 1000)} s ago`;
  return formatAgo(elapsedMs);
}

/** " · as of 14:05" for data fetched ~15 s or more before `now` (shown while it is revalidated), else ''. */
export function asOfMark(fetchedAt: number | undefined, now: number): string {
  return fetchedAt !== undefined && now - fetchedAt >= CURRENT_FOR_MS ? ` · as of ${formatClock(fetchedAt)}` : '';
}

/** Local wall-clock time, "14:05" (what Ask Copilot's answers say they are "as of"). */
export function formatClock(epochMs: number): string {
  const date = new Date(epochMs);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
