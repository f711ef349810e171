import { useEffect, useId, useRef } from 'react';
import type { ErrorInfo } from '@/lib/incident-io/errors';
import type { Incident, IncidentStatus, IncidentUpdate, Severity } from '@/lib/incident-io/schemas';
import { ErrorAlert } from './error-alert';
import { IncidentLink } from './external-link';
import { IncidentTimeline } from './incident-timeline';
import { RelativeTime, formatAbsolute, useNow } from './relative-time';
import { ticketsLabel } from './incident-row';
import { SeverityChip } from './severity-chip';
import { Spinner } from './spinner';
import { StatusChanger, type MoveCheck, type StatusTarget } from './status-changer';
import { categoryLabel } from './status-labels';

export interface IncidentDetailProps {
  /** The org's incident.io dashboard URL (identity): its host may serve permalinks besides app.incident.io. */
  dashboardUrl?: string;
  incident: Incident;
  /** Timeline entries; null while they load. */
  updates: readonly IncidentUpdate[] | null;
  updatesError?: ErrorInfo | null;
  onRetryUpdates?: () => void;
  severities: readonly Severity[];
  statuses: readonly IncidentStatus[];
  /** Whether the API key may edit incidents, and why not. */
  canEdit: boolean;
  editReason?: string;
  checkMove: (target: StatusTarget) => MoveCheck;
  onUpdateStatus: (target: StatusTarget, notifyIncidentChannel: boolean) => void;
  /** A status update is in flight. */
  busy?: boolean;
  /** The last status update's error. */
  error?: ErrorInfo | null;
  onBack?: () => void;
  now?: number;
  /** Help-desk tickets linked to it, when known. */
  ticketCount?: number;
}

function leadName(incident: Incident): string | undefined {
  return incident.incident_role_assignments.find((a) => a.role.role_type === 'lead')?.assignee?.name;
}

function When({ date, now }: { date: string; now: number }) {
  return (
    <>
      {formatAbsolute(date)} (<RelativeTime date={date} now={now} />)
    </>
  );
}

export function IncidentDetail(props: IncidentDetailProps) {
  const { incident, updates, severities, statuses, canEdit, editReason, onBack } = props;
  const clock = useNow(30_000, props.now === undefined);
  const now = props.now ?? clock;
  const titleId = useId();
  const timelineId = useId();
  const status = incident.incident_status;
  const heading = useRef<HTMLHeadingElement>(null);
  // The lookup or list that opened the detail is gone: a keyboard or screen-reader user continues at its title.
  useEffect(() => heading.current?.focus({ preventScroll: true }), [incident.id]);
  return (
    <article className="incident-detail" aria-labelledby={titleId}>
      {onBack && (
        <button type="button" className="link-button" onClick={onBack}>
          ← Back to incidents
        </button>
      )}
      <h2 id={titleId} ref={heading} tabIndex={-1}>{incident.name}</h2>
      <p className="detail-marks">
        <span className="reference">{incident.reference}</span>
        <SeverityChip severity={incident.severity} severities={severities} />
        {incident.visibility === 'private' && <span className="mark mark-private">Private</span>}
        {status.category === 'paused' && <span className="mark mark-paused">Paused</span>}
        {props.ticketCount !== undefined && <span className="mark mark-tickets">{ticketsLabel(props.ticketCount)}</span>}
      </p>
      <dl className="fields">
        <dt>Reference</dt>
        <dd>{incident.reference}</dd>
        <dt>Status</dt>
        <dd>
          {status.name} <span className="muted">({categoryLabel(status.category)})</span>
        </dd>
        <dt>Severity</dt>
        <dd>{incident.severity?.name ?? 'No severity'}</dd>
        <dt>Type</dt>
        <dd>{incident.incident_type?.name ?? 'No type'}</dd>
        <dt>Lead</dt>
        <dd>{leadName(incident) ?? 'No lead assigned'}</dd>
        <dt>Declared</dt>
        <dd>
          <When date={incident.created_at} now={now} />
        </dd>
        <dt>Updated</dt>
        <dd>
          <When date={incident.updated_at} now={now} />
        </dd>
        <dt>Slack channel</dt>
        {/* The channel is created asynchronously, so a new incident may not have one yet. */}
        <dd>{incident.slack_channel_name ? `#${incident.slack_channel_name.replace(/^#/, '')}` : 'Not created yet'}</dd>
      </dl>
      <h3>Summary</h3>
      <p className="summary">{incident.summary || 'No summary yet.'}</p>
      <p>
        <IncidentLink href={incident.permalink} dashboardUrl={props.dashboardUrl}>Open in incident.io</IncidentLink>
      </p>
      {canEdit ? (
        <StatusChanger
          // A different incident starts with a fresh choice.
          key={incident.id}
          incident={incident}
          statuses={statuses}
          checkMove={props.checkMove}
          onUpdateStatus={props.onUpdateStatus}
          busy={props.busy}
          error={props.error}
        />
      ) : (
        <p className="notice">{editReason ?? 'This API key cannot update incidents.'}</p>
      )}
      <section aria-labelledby={timelineId}>
        <h3 id={timelineId}>Updates</h3>
        {props.updatesError ? (
          <ErrorAlert error={props.updatesError} onRetry={props.onRetryUpdates} />
        ) : updates === null ? (
          <Spinner label="Loading updates…" />
        ) : (
          <IncidentTimeline updates={updates} now={now} />
        )}
      </section>
    </article>
  );
}
