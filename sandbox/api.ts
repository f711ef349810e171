import { ApiError, errorBody, forbidden } from './errors';
import type { createRouter } from './openapi';
import type { RateLimiter } from './rate-limit';
import type { SandboxState } from './state';
import type { Validator } from './validate';
import { ROUTES } from './routes/index';

export type ApiRequest = {
  method: string;
  pathname: string;
  search: URLSearchParams;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
  requestId: string;
  now: number;
};

export type ApiResponse = {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  /** The key's name, for the request log. */
  keyName: string | null;
};

type Deps = {
  route: ReturnType<typeof createRouter>;
  validator: Validator;
  limiter: RateLimiter;
  state: () => SandboxState;
};

/** One API call, start to finish: rate limit, route, auth, role, validation, handler, response check. */
export function createApi({ route, validator, limiter, state }: Deps) {
  return (req: ApiRequest): ApiResponse => {
    const token = /^Bearer\s+(\S+)$/i.exec(req.authorization ?? '')?.[1];
    const key = token === undefined ? undefined : state().keys.find((k) => k.token === token);
    const keyName = key?.name ?? null;
    const limit = limiter.take(token ?? '(anonymous)', req.now);
    const fail = (err: ApiError): ApiResponse => ({
      status: err.status, headers: { ...limit.headers, ...err.headers }, body: errorBody(err, req.requestId), keyName,
    });

    try {
      if (!limit.allowed) throw rateLimited(limit.retryAfterSeconds ?? 1, limit.limit, req.now);
      const match = route(req.method, req.pathname);
      if (match.kind === 'not_found') {
        throw new ApiError(404, 'not_found', [{ code: 'not_found', message: `No route for ${req.method} ${req.pathname}` }]);
      }
      if (match.kind === 'method_not_allowed') {
        throw new ApiError(405, 'method_not_allowed', [{ code: 'method_not_allowed', message: `${req.method} is not allowed on ${req.pathname}` }], { Allow: match.allow.join(', ') });
      }
      if (!key || key.revoked) throw unauthorized(token === undefined ? 'missing' : key ? 'revoked' : 'unknown');
      const handler = ROUTES[`${match.method} ${match.template}`];
      if (!handler) throw new Error(`No handler for ${match.method} ${match.template}`);
      const roles = [handler.requires.role].flat();
      if (!roles.some((role) => key.roles.includes(role))) throw forbidden(roles, handler.requires.action);

      const parsed = validator.validateRequest(match.operation, { query: req.search, contentType: req.contentType, body: req.body });
      const result = handler.handle({ state: state(), key, pathParams: match.pathParams, query: parsed.query, body: parsed.body, now: req.now });
      // The sandbox promises schema-valid answers: a mismatch is a sandbox bug, so make it loud.
      const problems = validator.responseErrors(match.operation, result.status, result.body);
      if (problems.length > 0) {
        throw new ApiError(500, 'api_error', [{ code: 'invalid_response', message: `Sandbox answer breaks the schema: ${problems.join('; ')}` }]);
      }
      return { status: result.status, headers: limit.headers, ...(result.body === undefined ? {} : { body: result.body }), keyName };
    } catch (err) {
      if (err instanceof ApiError) return fail(err);
      return fail(new ApiError(500, 'api_error', [{ code: 'internal_error', message: err instanceof Error ? err.message : String(err) }]));
    }
  };
}

function unauthorized(reason: 'missing' | 'unknown' | 'revoked'): ApiError {
  const details = {
    missing: { code: 'missing_authorization_material', message: 'No API key provided: send it as "Authorization: Bearer <key>".' },
    unknown: { code: 'invalid_authorization_material', message: 'The API key provided is not valid.' },
    revoked: { code: 'invalid_authorization_material', message: 'The API key provided has been revoked.' },
  };
  return new ApiError(401, 'authentication_error', [details[reason]]);
}

function rateLimited(retryAfterSeconds: number, limit: number, now: number): ApiError {
  return new ApiError(
    429, 'too_many_requests',
    [{ code: 'rate_limit_exceeded', message: `Rate limit exceeded: try again in ${retryAfterSeconds} seconds.` }],
    { 'Retry-After': String(retryAfterSeconds) },
    { rate_limit: { name: 'api_key', limit, remaining: 0, retry_after: new Date(now + retryAfterSeconds * 1000).toISOString() } },
  );
}
