import { type FormEvent, useId, useState } from 'react';
import type { WorkspaceView } from '@/lib/workspace-view';

export interface WorkspaceListProps {
  workspaces: readonly WorkspaceView[];
  /** Resolves once the key is validated and stored; the field empties only then (a rejection loses nothing). */
  onAdd: (apiKey: string) => Promise<unknown>;
  onRemove: (id: string) => void;
  busy: boolean;
  error: string | null;
}

/** Settings' other incident.io workspaces: each named by its key's identity, added by key, removable. */
export function WorkspaceList({ workspaces, onAdd, onRemove, busy, error }: WorkspaceListProps) {
  const id = useId();
  const [apiKey, setApiKey] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!apiKey.trim()) return;
    void onAdd(apiKey.trim()).then(() => setApiKey(''), () => undefined);
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="workspaces">
      <h3 id={`${id}-heading`}>Workspaces</h3>
      {workspaces.length > 0 && (
        <ul>
          {workspaces.map((w) => (
            <li key={w.id}>
              <span>{w.name}{w.active ? ' (shown)' : ''}</span>{' '}
              <button type="button" onClick={() => onRemove(w.id)} disabled={busy}>Remove {w.name}</button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate aria-label="Add a workspace">
        <div className="field">
          <label htmlFor={`${id}-key`}>API key for another workspace</label>
          <input
            id={`${id}-key`} type="password" autoComplete="off" value={apiKey} onChange={(event) => setApiKey(event.target.value)}
            aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}
          />
          {error && <p id={`${id}-error`} className="field-error">{error}</p>}
        </div>
        <div className="actions">
          <button type="submit" disabled={busy || !apiKey.trim()}>Add workspace</button>
        </div>
      </form>
    </section>
  );
}
