import { useId, useMemo, useState, type FormEvent } from 'react';
import type { ErrorInfo } from '@/lib/incident-io/errors';
import type { Escalation, EscalationPath, User } from '@/lib/incident-io/schemas';
import { ConfirmCard } from './confirm-card';
import { ErrorAlert } from './error-alert';
import { RelativeTime } from './relative-time';

export type EscalationRequest = { title: string; description: string; escalationPathId?: string; userIds?: string[] };

export interface EscalateFormProps {
  reference: string;
  defaultTitle: string;
  paths: readonly EscalationPath[];
  users: readonly User[];
  onPage: (request: EscalationRequest) => void;
  onCancel: () => void;
  busy: boolean;
  error: ErrorInfo | null;
}

const SHOWN_PEOPLE = 8;

/** "Escalate": choose a path or people, then confirm with "Page on-call". */
export function EscalateForm({ reference, defaultTitle, paths, users, onPage, onCancel, busy, error }: EscalateFormProps) {
  const [pathId, setPathId] = useState('');
  const [search, setSearch] = useState('');
  const [people, setPeople] = useState<string[]>([]);
  const [title, setTitle] = useState(defaultTitle);
  const [description, setDescription] = useState('');
  const [confirming, setConfirming] = useState(false);
  const peopleId = useId();

  const matches = useMemo(() => {
    const q = search.trim().toLowerCase();
    return users.filter((u) => people.includes(u.id) || !q || u.name.toLowerCase().includes(q) || (u.email ?? '').toLowerCase().includes(q)).slice(0, SHOWN_PEOPLE);
  }, [users, search, people]);

  const target = pathId ? paths.find((p) => p.id === pathId)?.name ?? '' : users.filter((u) => people.includes(u.id)).map((u) => u.name).join(', ');
  const ready = title.trim() !== '' && (pathId !== '' || people.length > 0);
  const request = (): EscalationRequest => ({
    title: title.trim(), description: description.trim(), ...(pathId ? { escalationPathId: pathId } : { userIds: people }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (ready) setConfirming(true);
  }

  if (confirming) {
    return (
      <>
        <ConfirmCard
          title={`Page on-call for ${reference}?`}
          details={[
            { label: pathId ? 'Escalation path' : 'People', value: target },
            { label: 'Title', value: title.trim() },
            ...(description.trim() ? [{ label: 'Description', value: description.trim() }] : []),
          ]}
          confirmLabel="Page on-call"
          onConfirm={() => onPage(request())}
          onCancel={() => setConfirming(false)}
          busy={busy}
        />
        {/* Retrying sends the same idempotency key: incident.io returns the first escalation, nobody is paged twice. */}
        {error && <ErrorAlert error={error} onRetry={() => onPage(request())} />}
      </>
    );
  }

  return (
    <form className="escalate-form" onSubmit={submit} aria-label={`Escalate ${reference}`}>
      <label>
        Escalation path
        <select value={pathId} onChange={(e) => { setPathId(e.target.value); if (e.target.value) setPeople([]); }}>
          <option value="">No path: page people instead</option>
          {paths.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <fieldset aria-labelledby={peopleId} disabled={pathId !== ''}>
        <legend id={peopleId}>People</legend>
        <input type="search" aria-label="People" placeholder="Search by name or email" value={search} onChange={(e) => setSearch(e.target.value)} />
        <ul className="people">
          {matches.map((u) => (
            <li key={u.id}>
              <label>
                <input
                  type="checkbox"
                  checked={people.includes(u.id)}
                  onChange={(e) => setPeople((list) => (e.target.checked ? [...list, u.id] : list.filter((id) => id !== u.id)))}
                />
                {u.name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <label>
        Title
        <input value={title} onChange={(e) => setTitle(e.target.value)} required />
      </label>
      <label>
        Description
        <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={!ready}>Review page</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

export interface EscalationsListProps {
  escalations: readonly Escalation[];
  paths: readonly EscalationPath[];
}

export function EscalationsList({ escalations, paths }: EscalationsListProps) {
  if (escalations.length === 0) return <p className="muted">No escalations yet.</p>;
  return (
    <ul className="escalations">
      {escalations.map((e) => (
        <li key={e.id}>
          <strong>{e.status}</strong>{' · '}
          {paths.find((p) => p.id === e.escalation_path_id)?.name ?? e.title}{' · '}
          <RelativeTime date={e.created_at} />
        </li>
      ))}
    </ul>
  );
}

export function OnCallNow({ schedules }: { schedules: readonly { id: string; name: string; onCall: readonly string[] }[] }) {
  if (schedules.length === 0) return <p className="muted">No schedules.</p>;
  return (
    <dl className="fields">
      {schedules.map((s) => (
        <div key={s.id}>
          <dt>{s.name}</dt>
          <dd>{s.onCall.length ? s.onCall.join(', ') : 'Nobody on call'}</dd>
        </div>
      ))}
    </dl>
  );
}
