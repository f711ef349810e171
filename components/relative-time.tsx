import { useEffect, useState } from 'react';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const absoluteFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function toTime(date: string | number): number {
  return typeof date === 'number' ? date : Date.parse(date);
}

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

export function formatAbsolute(date: string | number): string {
  const time = toTime(date);
  return Number.isFinite(time) ? absoluteFormat.format(time) : String(date);
}

/** The current time, re-read every `intervalMs` so relative labels stay true in a panel left open all day. */
export function useNow(intervalMs = 30_000, enabled = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, enabled]);
  return now;
}

export interface RelativeTimeProps {
  date: string | number;
  /** Fixed "now" (tests, or a parent-owned clock); without it the label ticks by itself. */
  now?: number;
  /** `age` → "12 min", `ago` → "12 min ago". */
  variant?: 'age' | 'ago';
}

/** A relative time whose tooltip and `dateTime` carry the absolute moment. */
export function RelativeTime({ date, now, variant = 'ago' }: RelativeTimeProps) {
  const ticking = useNow(30_000, now === undefined);
  const time = toTime(date);
  if (!Number.isFinite(time)) return <span>{String(date)}</span>;
  const elapsed = (now ?? ticking) - time;
  return (
    <time dateTime={new Date(time).toISOString()} title={formatAbsolute(time)}>
      {variant === 'age' ? formatAge(elapsed) : formatAgo(elapsed)}
    </time>
  );
}
