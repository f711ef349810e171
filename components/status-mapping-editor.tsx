import { useId, useState, type FormEvent } from 'react';
import type { ErrorInfo } from '@/lib/incident-io/errors';
import { ORGANISATION_LOCK } from '@/lib/organisation-lock';
import type { IncidentStatus } from '@/lib/incident-io/schemas';
import { STATUS_WORDS, type StatusMapping } from '@/lib/incident-io/status-words';
import { ErrorAlert } from './error-alert';
import { Spinner } from './spinner';
import { byRank, categoryLabel } from './status-labels';

export interface StatusMappingEditorProps {
  statuses: readonly IncidentStatus[];
  mapping: StatusMapping;
  onSave: (mapping: StatusMapping) => void;
  busy?: boolean;
  error?: ErrorInfo | null;
  /** The organisation's policy sets the mapping: shown, not editable. */
  locked?: boolean;
}

/** Which of the org's statuses each product word (triage/active/monitoring/resolved) means. */
export function StatusMappingEditor({ statuses, mapping, onSave, busy = false, error = null, locked = false }: StatusMappingEditorProps) {
  const id = useId();
  const [edited, setEdited] = useState(mapping);
  // A newly saved or loaded mapping replaces local edits.
  const [source, setSource] = useState(mapping);
  if (source !== mapping) {
    setSource(mapping);
    setEdited(mapping);
  }
  const sorted = byRank(statuses);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSave(edited);
  }

  return (
    <form onSubmit={submit} className="status-mapping" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Status words</h3>
      <p className="hint" id={`${id}-hint`}>
        {locked ? ORGANISATION_LOCK : 'Choose which of your statuses “triage”, “active”, “monitoring” and “resolved” mean.'}
      </p>
      {STATUS_WORDS.map((word) => (
        <div className="field" key={word}>
          <label htmlFor={`${id}-${word}`}>Status for {word}</label>
          <select
            id={`${id}-${word}`}
            value={edited[word] ?? ''}
            disabled={locked}
            aria-describedby={locked ? `${id}-hint` : undefined}
            onChange={(e) => setEdited({ ...edited, [word]: e.target.value || null })}
          >
            <option value="">Not mapped</option>
            {sorted.map((status) => (
              <option key={status.id} value={status.id}>
                {status.name} ({categoryLabel(status.category)})
              </option>
            ))}
          </select>
        </div>
      ))}
      {error && <ErrorAlert error={error} />}
      {!locked && (
        <button type="submit" disabled={busy}>
          Apply mapping
        </button>
      )}
      {busy && <Spinner label="Saving mapping…" />}
    </form>
  );
}
