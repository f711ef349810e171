import { useId, useState, type FormEvent } from 'react';
import type { ErrorInfo } from '@/lib/incident-io/errors';
import { ErrorAlert } from './error-alert';
import { Spinner } from './spinner';

export interface SupportLoopValues {
  /** The numeric custom field that holds the ticket count; null: counts aren't written. */
  ticketCountFieldId: string | null;
  spikeWindowMinutes: number;
}

export interface SupportLoopSettingsProps {
  values: SupportLoopValues;
  /** The organisation's numeric custom fields; undefined while loading. */
  numericFields: ReadonlyArray<{ id: string; name: string }> | undefined;
  /** The key has `incident_editor`: without it counts are never written. */
  canEdit: boolean;
  onSave: (values: SupportLoopValues) => void;
  busy?: boolean;
  error?: ErrorInfo | null;
  saved?: boolean;
  min: number;
  max: number;
}

/** Issue 11 §4/§5: where linked-ticket counts go, and how far back similar tickets count as a spike. */
export function SupportLoopSettings(props: SupportLoopSettingsProps) {
  const { values, numericFields, busy = false, error = null } = props;
  const id = useId();
  const [field, setField] = useState(values.ticketCountFieldId ?? '');
  const [windowText, setWindowText] = useState(String(values.spikeWindowMinutes));
  const [source, setSource] = useState(values);
  if (source !== values) {
    setSource(values);
    setField(values.ticketCountFieldId ?? '');
    setWindowText(String(values.spikeWindowMinutes));
  }
  const minutes = Number(windowText);
  const windowError = Number.isInteger(minutes) && minutes >= props.min && minutes <= props.max
    ? null
    : `Enter whole minutes from ${props.min} to ${props.max}.`;
  const [showError, setShowError] = useState(false);
  // A chosen field the organisation no longer has still shows, so saving doesn't silently drop it.
  const known = numericFields ?? [];
  const missing = field && !known.some((f) => f.id === field) ? [{ id: field, name: numericFields ? 'A field that no longer exists' : 'Loading…' }] : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (windowError) {
      setShowError(true);
      return;
    }
    props.onSave({ ticketCountFieldId: field || null, spikeWindowMinutes: minutes });
  }

  return (
    <form onSubmit={submit} className="support-loop" aria-labelledby={`${id}-heading`} noValidate>
      <h3 id={`${id}-heading`}>Support loop</h3>
      <div className="field">
        <label htmlFor={`${id}-field`}>Ticket count field</label>
        <select id={`${id}-field`} value={field} aria-describedby={`${id}-field-hint`} onChange={(e) => setField(e.target.value)}>
          <option value="">Don't write counts</option>
          {[...known, ...missing].map((f) => (
            <option key={f.id} value={f.id}>{f.name}</option>
          ))}
        </select>
        <p className="hint" id={`${id}-field-hint`}>
          {props.canEdit
            ? 'Linking or unlinking a ticket writes the number of linked tickets to this numeric field of the incident.'
            : 'Your API key can’t edit incidents (incident_editor), so counts aren’t written.'}
          {numericFields?.length === 0 && ' Your organisation has no numeric custom field.'}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-window`}>Similar tickets window (minutes)</label>
        <input
          id={`${id}-window`}
          type="number"
          inputMode="numeric"
          min={props.min}
          max={props.max}
          value={windowText}
          aria-invalid={showError && windowError ? true : undefined}
          aria-describedby={[`${id}-window-hint`, showError && windowError && `${id}-window-error`].filter(Boolean).join(' ')}
          onChange={(e) => setWindowText(e.target.value)}
        />
        <p className="hint" id={`${id}-window-hint`}>Tickets viewed within this time that match each other offer “declare an incident?”.</p>
        {showError && windowError && <p id={`${id}-window-error`} className="field-error">{windowError}</p>}
      </div>
      {error && <ErrorAlert error={error} />}
      <button type="submit" disabled={busy}>Apply support settings</button>
      {busy && <Spinner label="Saving…" />}
      {props.saved && !busy && <p role="status">Saved.</p>}
    </form>
  );
}
