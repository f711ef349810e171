// Types shared across the extension; the implementation (IncidentIoError, toErrorInfo, …) lands next to them.
export type ErrorKind =
  | 'unauthorized' | 'forbidden' | 'not_found' | 'validation' | 'rate_limited' | 'server'
  | 'network' | 'timeout' | 'malformed' | 'not_configured' | 'bad_input' | 'not_allowed';

/** Serialisable error description; `message` is what a person reads and can act on. */
export interface ErrorInfo {
  kind: ErrorKind;
  message: string;
  requestId?: string;
  /** Field errors from a 422, keyed by payload field (e.g. `severity_id`). */
  fields?: Record<string, string>;
  retryAfterSeconds?: number;
}
