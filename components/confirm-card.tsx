import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { Spinner } from './spinner';

export interface ConfirmCardProps {
  /** What will happen, e.g. "Resolve INC-123?". */
  title: string;
  /** What will change, and on which incident. */
  details: readonly { label: string; value: string }[];
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}

/** Inline confirmation of a Copilot write. It takes focus so Enter confirms; Escape cancels. */
export function ConfirmCard({ title, details, confirmLabel, onConfirm, onCancel, busy = false }: ConfirmCardProps) {
  const titleId = useId();
  const confirm = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    confirm.current?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && !busy) {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <section className="confirm-card" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <h3 id={titleId}>{title}</h3>
      <dl className="fields">
        {details.map((detail) => (
          <div key={detail.label}>
            <dt>{detail.label}</dt>
            <dd>{detail.value}</dd>
          </div>
        ))}
      </dl>
      <div className="actions">
        <button ref={confirm} type="button" className="primary" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
      {busy && <Spinner label="Working…" />}
    </section>
  );
}
