import { useId } from 'react';
import type { ErrorInfo } from '@/lib/incident-io/errors';
import { ErrorAlert } from './error-alert';
import { ExternalLink } from './external-link';

export interface FollowupTicketView {
  externalId: string;
  desk: string;
  title: string;
  url: string;
}

export interface FollowupGroupView {
  incidentId: string;
  reference: string;
  name: string;
  /** "resolved", "monitoring" or "closed". */
  word: string;
  tickets: FollowupTicketView[];
}

export interface FollowupQueueProps {
  groups: FollowupGroupView[];
  /** The ticket open in the active help-desk tab, if any: its row offers the resolution update. */
  activeTicketId: string | null;
  onInsert: (incidentId: string, externalId: string) => void;
  onDone: (incidentId: string, externalId: string) => void;
  /** "incidentId externalId" of the row being worked on. */
  busyKey?: string | null;
  message?: string | null;
  error?: ErrorInfo | null;
}

/** Linked tickets of ended incidents, grouped by incident, each to be told and then marked done. */
export function FollowupQueue({ groups, activeTicketId, onInsert, onDone, busyKey = null, message, error }: FollowupQueueProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Follow-ups</h2>
      {message && <p className="success" role="status">{message}</p>}
      {error && <ErrorAlert error={error} />}
      {groups.length === 0 ? (
        <p className="hint">No linked tickets to update. When an incident with linked tickets moves to monitoring or is resolved, its tickets are listed here.</p>
      ) : groups.map((group) => (
        <section key={group.incidentId} aria-label={`${group.reference} ${group.word}`} className="followup-group">
          <h3>{group.reference} {group.word}: {group.name}</h3>
          <ul className="followup-tickets">
            {group.tickets.map((ticket) => {
              const key = `${group.incidentId} ${ticket.externalId}`;
              return (
                <li key={ticket.externalId}>
                  <span className="desk">{ticket.desk}</span>{' '}
                  <ExternalLink href={ticket.url}>{ticket.title || ticket.desk}</ExternalLink>
                  <div className="actions">
                    {activeTicketId === ticket.externalId && (
                      <button type="button" onClick={() => onInsert(group.incidentId, ticket.externalId)} disabled={busyKey === key}>
                        Insert resolution update
                      </button>
                    )}
                    <button
                      type="button"
                      aria-label={`Mark done: ${ticket.desk}`}
                      onClick={() => onDone(group.incidentId, ticket.externalId)}
                      disabled={busyKey === key}
                    >
                      Mark done
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}
