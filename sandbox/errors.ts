/** incident.io's error envelope: `{type, status, request_id, errors:[{code, message, source?, metadata?}]}`. */
export type ErrorDetail = {
  code: string;
  message: string;
  source?: { field: string };
  metadata?: Record<string, unknown>;
};

export type ErrorType =
  | 'authentication_error'
  | 'resource_forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'invalid_request_error'
  | 'validation_error'
  | 'too_many_requests'
  | 'api_error';

/** Thrown by routes; the server turns it into the envelope with the request's id. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    readonly errors: ErrorDetail[],
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(errors.map((e) => e.message).join('; '));
  }
}

export function errorBody(err: ApiError, requestId: string): Record<string, unknown> {
  return { type: err.type, status: err.status, request_id: requestId, errors: err.errors, ...err.extra };
}

/** 422 on one payload field, the shape clients map to form fields. */
export function fieldError(field: string, code: string, message: string): ApiError {
  return new ApiError(422, 'validation_error', [{ code, message, source: { field } }]);
}

/** 422 for a status change the public API refuses (the app can still do it). */
export function notViaApi(message: string): ApiError {
  return new ApiError(422, 'validation_error', [
    { code: 'invalid_value', message, source: { field: 'incident.incident_status_id' } },
  ]);
}

export function notFound(what = 'resource'): ApiError {
  return new ApiError(404, 'not_found', [{ code: 'not_found', message: `The requested ${what} could not be found.` }]);
}

/** `roles`: one role, or several of which any would do (the first is the one named in metadata). */
export function forbidden(roles: string | readonly string[], action: string): ApiError {
  const list = [roles].flat();
  const named = list.map((r) => `"${r}"`).join(' or ');
  return new ApiError(403, 'resource_forbidden', [{
    code: 'missing_role',
    message: `This API key does not have the ${named} role, which is required to ${action}. Edit the key in Settings → API keys.`,
    metadata: { required_role: list[0] },
  }]);
}

/** The envelope type incident.io uses for a status, for injected faults that give only a status. */
export function typeForStatus(status: number): ErrorType {
  const types: Record<number, ErrorType> = {
    400: 'invalid_request_error', 401: 'authentication_error', 403: 'resource_forbidden', 404: 'not_found',
    405: 'method_not_allowed', 422: 'validation_error', 429: 'too_many_requests',
  };
  return types[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
}
