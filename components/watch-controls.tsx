import { useId } from 'react';
import { SNOOZE_PRESETS_MINUTES, snoozeLabel } from '@/lib/settings';

export interface WatchControlsProps {
  reference: string;
  watched: boolean;
  /** Epoch ms until which this incident's alerts are snoozed, if they are. */
  snoozedUntil?: number;
  onToggleWatch: () => void;
  /** 0 lifts the snooze. */
  onSnooze: (minutes: number) => void;
  busy?: boolean;
}

const timeOfDay = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Star an incident to be alerted when its status or severity changes, and snooze those alerts. */
export function WatchControls({ reference, watched, snoozedUntil, onToggleWatch, onSnooze, busy = false }: WatchControlsProps) {
  const snoozeId = useId();
  return (
    <div className="watch-controls">
      <button type="button" aria-pressed={watched} onClick={onToggleWatch} disabled={busy}>
        {watched ? '★ Watching' : '☆ Watch'}
        <span className="visually-hidden"> {reference}</span>
      </button>
      <label htmlFor={snoozeId}>Snooze alerts</label>
      <select
        id={snoozeId}
        value=""
        disabled={busy}
        onChange={(event) => {
          if (event.target.value !== '') onSnooze(Number(event.target.value));
        }}
      >
        <option value="">{snoozedUntil ? `Snoozed until ${timeOfDay(snoozedUntil)}` : 'Not snoozed'}</option>
        {SNOOZE_PRESETS_MINUTES.map((minutes) => (
          <option key={minutes} value={minutes}>
            For {snoozeLabel(minutes)}
          </option>
        ))}
        {snoozedUntil && <option value={0}>Stop snoozing</option>}
      </select>
    </div>
  );
}
