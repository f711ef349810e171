import type { ErrorInfo } from '@/lib/incident-io/errors';

// Used only when an error arrives without a usable message: say what kind of problem it is and what to do.
const KIND_MESSAGES: Record<ErrorInfo['kind'], string> = {
  unauthorized: 'Unauthorized: generate a new API key in your incident.io account settings (Settings → API keys).',
  forbidden: 'This API key is not allowed to do that. Ask an incident.io admin for the missing role.',
  not_found: 'Incident not found: confirm the incident ID is correct. incident.io IDs look like INC-123.',
  validation: 'incident.io rejected the request. Check the fields and try again.',
  rate_limited: 'incident.io is rate limiting requests. Wait a moment and try again.',
  server: 'incident.io had a problem answering. Try again in a moment.',
  network: 'Could not reach incident.io. Check your connection and the API base URL in Settings.',
  timeout: 'incident.io took too long to answer. Try again.',
  malformed: 'incident.io sent an answer this extension does not understand.',
  not_configured: 'Add your incident.io API key in Settings.',
  bad_input: 'That input was not understood.',
  not_allowed: 'That change is not allowed.',
};

/** The message to show: the error's own text unless it is empty or the meaningless "Unknown error". */
export function errorMessage(error: ErrorInfo): string {
  const message = error.message.trim();
  if (message && !/^unknown error\.?$/i.test(message)) return message;
  return KIND_MESSAGES[error.kind] ?? 'Something went wrong. Try again.';
}

export interface ErrorAlertProps {
  error: ErrorInfo;
  onRetry?: () => void;
}

export function ErrorAlert({ error, onRetry }: ErrorAlertProps) {
  const message = errorMessage(error);
  const waitSeconds = Math.ceil(error.retryAfterSeconds ?? 0);
  return (
    <div role="alert" className="error-alert">
      <p className="error-message">{message}</p>
      {/* Said once: client messages already carry the wait and the request ID. */}
      {waitSeconds >= 1 && !/try again in \d+ s/i.test(message) && (
        <p className="error-meta">You can try again in {waitSeconds} s.</p>
      )}
      {error.requestId && !message.includes(error.requestId) && <p className="error-meta">Request ID: {error.requestId}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
