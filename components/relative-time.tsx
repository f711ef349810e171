import { useEffect, useState } from 'react';
import { formatAge, formatAgo, formatUpdated } from '@/lib/time-format';

// Built on first use: constructing a formatter costs tens of milliseconds on slow machines.
let absoluteFormat: Intl.DateTimeFormat | undefined;

function toTime(date: string | number): number {
  return typeof date === 'number' ? date : Date.parse(date);
}

export { formatAge, formatAgo };

export function formatAbsolute(date: string | number): string {
  const time = toTime(date);
  absoluteFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
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
  /** `age` → "12 min", `ago` → "12 min ago", `updated` → "just now" only under 15 s, then "40 s ago". */
  variant?: 'age' | 'ago' | 'updated';
}

/** A relative time whose tooltip and `dateTime` carry the absolute moment. */
export function RelativeTime({ date, now, variant = 'ago' }: RelativeTimeProps) {
  const ticking = useNow(30_000, now === undefined);
  const time = toTime(date);
  if (!Number.isFinite(time)) return <span>{String(date)}</span>;
  const elapsed = (now ?? ticking) - time;
  return (
    <time dateTime={new Date(time).toISOString()} title={formatAbsolute(time)}>
      {variant === 'age' ? formatAge(elapsed) : variant === 'updated' ? formatUpdated(elapsed) : formatAgo(elapsed)}
    </time>
  );
}
