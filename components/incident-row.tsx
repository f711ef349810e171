import type { Incident, Severity } from '@/lib/incident-io/schemas';
import { RelativeTime } from './relative-time';
import { SeverityChip } from './severity-chip';

export interface IncidentRowProps {
  incident: Incident;
  severities: readonly Severity[];
  now?: number;
  onOpen: (incident: Incident) => void;
  /** Help-desk tickets linked to it, when known. */
  tickets?: number;
}

/** "12 tickets", "1 ticket". */
export const ticketsLabel = (n: number) => `${n} ticket${n === 1 ? '' : 's'}`;

/** One incident as a button: reference, severity, status, marks and age on top; the name below. */
export function IncidentRow({ incident, severities, now, onOpen, tickets }: IncidentRowProps) {
  const status = incident.incident_status;
  const paused = status.category === 'paused';
  // The managed paused status is itself called "Paused": say it once.
  const showStatusName = !(paused && status.name.trim().toLowerCase() === 'paused');
  return (
    <button type="button" className="incident-row" onClick={() => onOpen(incident)}>
      <span className="row-line">
        <span className="reference">{incident.reference}</span>
        <SeverityChip severity={incident.severity} severities={severities} />
        {showStatusName && <span className="status-name">{status.name}</span>}
        {incident.visibility === 'private' && <span className="mark mark-private">Private</span>}
        {paused && <span className="mark mark-paused">Paused</span>}
        {tickets !== undefined && tickets > 0 && <span className="mark mark-tickets">{ticketsLabel(tickets)}</span>}
        <span className="age">
          <RelativeTime date={incident.created_at} now={now} variant="age" />
        </span>
      </span>
      <span className="row-name">{incident.name}</span>
    </button>
  );
}
