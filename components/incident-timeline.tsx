import type { IncidentUpdate } from '@/lib/incident-io/schemas';
import { RelativeTime } from './relative-time';

type Actor = IncidentUpdate['updater'];

/** Who made an update: a person, an API key, a workflow or an alert. */
export function actorName(actor: Actor): string {
  return actor.user?.name ?? actor.api_key?.name ?? actor.workflow?.name ?? actor.alert?.title ?? 'incident.io';
}

export interface IncidentTimelineProps {
  updates: readonly IncidentUpdate[];
  now?: number;
}

/**
 * Updates newest first (the API's order is undocumented, so sort). Status and severity are shown
 * only where they changed from the update before.
 */
export function IncidentTimeline({ updates, now }: IncidentTimelineProps) {
  if (updates.length === 0) return <p className="muted">No updates yet.</p>;
  const oldestFirst = [...updates].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
  const entries = oldestFirst.map((update, i) => {
    const previous = oldestFirst[i - 1];
    return {
      update,
      statusChanged: previous?.new_incident_status.id !== update.new_incident_status.id,
      severityChanged: update.new_severity !== undefined && previous?.new_severity?.id !== update.new_severity.id,
    };
  });
  return (
    <ol className="timeline" aria-label="Updates, newest first">
      {entries.reverse().map(({ update, statusChanged, severityChanged }) => (
        <li key={update.id}>
          <p className="timeline-meta">
            <span className="who">{actorName(update.updater)}</span> · <RelativeTime date={update.created_at} now={now} />
          </p>
          {statusChanged && <p>Status → {update.new_incident_status.name}</p>}
          {severityChanged && <p>Severity → {update.new_severity?.name}</p>}
          {update.message && <p className="message">{update.message}</p>}
        </li>
      ))}
    </ol>
  );
}
