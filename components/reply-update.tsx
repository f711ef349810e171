import { useId } from 'react';
import type { ErrorInfo } from '@/lib/incident-io/errors';
import { ErrorAlert } from './error-alert';
import { Spinner } from './spinner';

export type ReplyUpdateOutcome =
  | { kind: 'inserted' }
  /** The editor refused the text; `copied` says whether the clipboard fallback worked. */
  | { kind: 'refused'; reason: string; copied: boolean };

export interface ReplyUpdateProps {
  /** Where the update would go, e.g. "Zendesk #48213: Checkout failing"; null when no help-desk tab is active. */
  ticketLabel: string | null;
  /** Private and test incidents have no customer-safe update. */
  shareable: boolean;
  onInsert: () => void;
  busy?: boolean;
  outcome?: ReplyUpdateOutcome | null;
  error?: ErrorInfo | null;
}

/** "Insert status update": the customer-safe text goes into the reply editor of the help-desk tab. */
export function ReplyUpdate({ ticketLabel, shareable, onInsert, busy = false, outcome, error }: ReplyUpdateProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Reply to the customer</h3>
      {!shareable ? (
        <p className="notice">This incident is private or a test, so there is no status update to share with customers.</p>
      ) : !ticketLabel ? (
        <p className="hint">Open a ticket in your help desk in this window to insert a status update into its reply.</p>
      ) : (
        <>
          <p className="hint">Into the reply of {ticketLabel}</p>
          <div className="actions">
            <button type="button" onClick={onInsert} disabled={busy}>
              Insert status update
            </button>
          </div>
        </>
      )}
      {busy && <Spinner label="Inserting…" />}
      {outcome?.kind === 'inserted' && (
        <p className="success" role="status">
          Status update inserted into the reply. Review it, then send it from your help desk.
        </p>
      )}
      {outcome?.kind === 'refused' && (
        <p className="notice" role="status">
          {outcome.reason}{' '}
          {outcome.copied ? 'The update was copied to the clipboard: paste it into the reply.' : 'Copying it to the clipboard failed too.'}
        </p>
      )}
      {error && <ErrorAlert error={error} />}
    </section>
  );
}
