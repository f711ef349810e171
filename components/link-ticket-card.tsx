import { useId } from 'react';
import type { ErrorInfo } from '@/lib/incident-io/errors';
import { ConfirmCard } from './confirm-card';
import { ErrorAlert } from './error-alert';

export interface LinkChoice {
  reference: string;
  name: string;
}

export interface LinkTicketCardProps {
  /** The ticket as it will be stored, e.g. "Zendesk #48213: Checkout failing for EU customers". */
  ticketTitle: string;
  ticketUrl: string;
  /** Incidents to choose from; the chosen one is confirmed before anything is written. */
  choices: readonly LinkChoice[];
  selectedRef: string;
  onSelect: (ref: string) => void;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: ErrorInfo | null;
}

/** Linking a help-desk ticket to an incident: pick the incident, then confirm exactly what is stored. */
export function LinkTicketCard(props: LinkTicketCardProps) {
  const { ticketTitle, ticketUrl, choices, selectedRef, onSelect } = props;
  const selectId = useId();
  const chosen = choices.find((choice) => choice.reference === selectedRef);
  return (
    <div className="link-ticket">
      <div className="field">
        <label htmlFor={selectId}>Incident</label>
        <select id={selectId} value={selectedRef} onChange={(event) => onSelect(event.target.value)} disabled={props.busy}>
          <option value="">Choose an incident…</option>
          {choices.map((choice) => (
            <option key={choice.reference} value={choice.reference}>
              {choice.reference}: {choice.name}
            </option>
          ))}
        </select>
      </div>
      {chosen ? (
        <ConfirmCard
          // A different incident asks again, with the focus back on its button.
          key={chosen.reference}
          title={`Link this ticket to ${chosen.reference}?`}
          details={[
            { label: 'Ticket', value: ticketTitle },
            { label: 'Ticket URL', value: ticketUrl },
            { label: 'Incident', value: `${chosen.reference}: ${chosen.name}` },
          ]}
          confirmLabel="Link ticket"
          onConfirm={props.onConfirm}
          onCancel={props.onCancel}
          busy={props.busy}
        />
      ) : (
        <div className="actions">
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        </div>
      )}
      {props.error && <ErrorAlert error={props.error} />}
    </div>
  );
}
