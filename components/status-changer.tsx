import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ErrorInfo } from '@/lib/incident-io/errors';
import type { Incident, IncidentStatus } from '@/lib/incident-io/schemas';
import { STATUS_WORDS, type StatusWord } from '@/lib/incident-io/status-words';
import { ConfirmDialog } from './confirm-dialog';
import { ErrorAlert } from './error-alert';
import { Spinner } from './spinner';
import { byRank, categoryLabel, isFinishedCategory } from './status-labels';

/** What the agent picked: one of the product words (the parent maps it) or one of the org's statuses. */
export type StatusTarget = { kind: 'word'; word: StatusWord } | { kind: 'status'; status: IncidentStatus };
export type MoveCheck = { allowed: true } | { allowed: false; reason: string };

export interface StatusChangerProps {
  incident: Incident;
  statuses: readonly IncidentStatus[];
  checkMove: (target: StatusTarget) => MoveCheck;
  onUpdateStatus: (target: StatusTarget, notifyIncidentChannel: boolean) => void;
  busy?: boolean;
  error?: ErrorInfo | null;
}

// <select> values are strings; the prefix keeps words and status ids apart.
const wordValue = (word: StatusWord) => `word:${word}`;
const statusValue = (status: IncidentStatus) => `status:${status.id}`;

function targetFor(value: string, statuses: readonly IncidentStatus[]): StatusTarget | null {
  const word = STATUS_WORDS.find((w) => wordValue(w) === value);
  if (word) return { kind: 'word', word };
  const status = statuses.find((s) => statusValue(s) === value);
  return status ? { kind: 'status', status } : null;
}

function targetLabel(target: StatusTarget): string {
  return target.kind === 'word' ? target.word : target.status.name;
}

function isResolving(target: StatusTarget): boolean {
  return target.kind === 'word' ? target.word === 'resolved' : isFinishedCategory(target.status.category);
}

export function StatusChanger({ incident, statuses, checkMove, onUpdateStatus, busy = false, error = null }: StatusChangerProps) {
  const selectId = useId();
  const reasonId = useId();
  const [value, setValue] = useState('');
  const [notify, setNotify] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const target = targetFor(value, statuses);
  const check = target ? checkMove(target) : null;
  const blocked = check !== null && !check.allowed;
  // Said in the live region once the incident shows the new status the agent asked for; the choice
  // resets (the same move again is refused) and focus goes back to it, not lost with a disabled button.
  const select = useRef<HTMLSelectElement>(null);
  const asked = useRef(false);
  // What was sent, and what is chosen now: a choice made while the update lands is the agent's next one, kept.
  const sent = useRef('');
  const chosen = useRef(value);
  chosen.current = value;
  const [done, setDone] = useState<string | null>(null);
  const statusName = incident.incident_status.name;
  // A failed update (say its answer was lost after incident.io applied it) keeps the agent's choice:
  // the alert stays with it, and the panel still says what incident.io shows now.
  const failed = useRef(false);
  failed.current = error !== null;
  useEffect(() => {
    if (!asked.current) return;
    asked.current = false;
    if (!failed.current && chosen.current === sent.current) setValue('');
    setDone(`${incident.reference} is now ${statusName}`);
    const active = select.current?.ownerDocument.activeElement;
    if (!active || active === select.current?.ownerDocument.body || select.current?.form?.contains(active)) select.current?.focus();
  }, [incident.reference, statusName]);

  function update(target: StatusTarget) {
    asked.current = true;
    sent.current = value;
    setDone(null);
    onUpdateStatus(target, notify);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!target || blocked || busy) return;
    if (isResolving(target)) setConfirming(true);
    else update(target);
  }

  return (
    <form className="status-changer" onSubmit={submit} aria-label="Change status">
      <label htmlFor={selectId}>Status</label>
      <select
        id={selectId}
        ref={select}
        value={value}
        onChange={(e) => {
          setDone(null);
          setValue(e.target.value);
        }}
        aria-describedby={blocked ? reasonId : undefined}
      >
        <option value="">Choose a status…</option>
        <optgroup label="Product words">
          {STATUS_WORDS.map((word) => (
            <option key={word} value={wordValue(word)}>
              {word}
            </option>
          ))}
        </optgroup>
        {statuses.length > 0 && (
          <optgroup label="Your statuses">
            {byRank(statuses).map((status) => (
              <option key={status.id} value={statusValue(status)}>
                {status.name} ({categoryLabel(status.category)})
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <p role="status" id={reasonId} className="move-reason">
        {check && !check.allowed ? check.reason : done}
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} />
        Notify incident channel
      </label>
      {/* Busy is aria-disabled, not disabled: a disabled button drops keyboard focus to the page. */}
      <button type="submit" className="primary" disabled={!target || blocked} aria-disabled={busy || undefined}>
        Update status
      </button>
      {busy && <Spinner label="Updating status…" />}
      {error && <ErrorAlert error={error} />}
      {confirming && target && (
        <ConfirmDialog
          title={`Resolve ${incident.reference}?`}
          confirmLabel="Resolve"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            update(target);
          }}
        >
          <p>
            {incident.reference} moves to “{targetLabel(target)}”. incident.io does not reopen resolved incidents.
            {notify ? ' The incident channel will be notified.' : ''}
          </p>
        </ConfirmDialog>
      )}
    </form>
  );
}
