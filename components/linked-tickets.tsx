import { useId } from 'react';
import type { ErrorInfo } from '@/lib/incident-io/errors';
import type { IncidentAttachment } from '@/lib/incident-io/schemas';
import { ErrorAlert } from './error-alert';
import { ExternalLink } from './external-link';
import { Spinner } from './spinner';

export interface LinkedTicketsProps {
  /** The incident's attachments; null while they load. */
  attachments: readonly IncidentAttachment[] | null;
  error?: ErrorInfo | null;
  onRetry?: () => void;
  onUnlink: (attachment: IncidentAttachment) => void;
  /** The attachment being unlinked, if any. */
  unlinkingId?: string | null;
  unlinkError?: ErrorInfo | null;
  canEdit: boolean;
}

/** Help-desk tickets linked to an incident in incident.io, each with Unlink. */
export function LinkedTickets({ attachments, error, onRetry, onUnlink, unlinkingId, unlinkError, canEdit }: LinkedTicketsProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Linked tickets</h3>
      {error ? (
        <ErrorAlert error={error} onRetry={onRetry} />
      ) : attachments === null ? (
        <Spinner label="Loading linked tickets…" />
      ) : attachments.length === 0 ? (
        <p className="muted">No tickets linked yet.</p>
      ) : (
        <ul className="linked-tickets">
          {attachments.map((attachment) => (
            <li key={attachment.id}>
              <ExternalLink href={attachment.resource.permalink}>{attachment.resource.title || attachment.resource.external_id}</ExternalLink>{' '}
              {canEdit && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onUnlink(attachment)}
                  disabled={Boolean(unlinkingId)}
                  aria-label={`Unlink ${attachment.resource.title || attachment.resource.external_id}`}
                >
                  {unlinkingId === attachment.id ? 'Unlinking…' : 'Unlink'}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {unlinkError && <ErrorAlert error={unlinkError} />}
    </section>
  );
}
