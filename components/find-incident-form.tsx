import { useId, useState, type FormEvent } from 'react';
import type { ErrorInfo } from '@/lib/incident-io/errors';
import { ErrorAlert } from './error-alert';
import { Spinner } from './spinner';

export interface FindIncidentFormProps {
  /** Raw input (INC-123, 123, #123 or an incident.io URL); the parent parses it. */
  onFind: (query: string) => void;
  busy?: boolean;
  error?: ErrorInfo | null;
}

export function FindIncidentForm({ onFind, busy = false, error = null }: FindIncidentFormProps) {
  const id = useId();
  const [query, setQuery] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = query.trim();
    if (trimmed) onFind(trimmed);
  }

  return (
    <form className="find-form" onSubmit={submit} role="search" aria-label="Find an incident">
      <label htmlFor={id}>Find incident</label>
      <div className="inline-field">
        <input
          id={id}
          type="text"
          value={query}
          placeholder="INC-123, 123, #123 or link"
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          Find
        </button>
      </div>
      {busy && <Spinner label="Looking up incident…" />}
      {error && <ErrorAlert error={error} />}
    </form>
  );
}
