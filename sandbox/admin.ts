import { z } from 'zod';
import { faultsRequestSchema, type FaultQueue } from './faults';
import type { RequestLog } from './request-log';
import { addUpdate, changeIncident, declareIncident, findIncident, iso, newId, type SandboxState, type User } from './state';

/** What the admin API can reach; owned by the server. */
export type AdminContext = {
  state: () => SandboxState;
  faults: FaultQueue;
  log: RequestLog;
  setLatency(ms: number): void;
  reset(): void;
};

export type AdminResponse = { status: number; body: unknown };

const latencySchema = z.object({ ms: z.number().min(0) });
const declareSchema = z.object({
  name: z.string().min(1),
  summary: z.string().optional(),
  severity: z.string().optional(),
  status: z.string().optional(),
  type: z.string().optional(),
  visibility: z.enum(['public', 'private']).default('public'),
});
const statusChangeSchema = z.object({ status: z.string().min(1) });
/** Abuse tests: revoke a key mid-session (and restore it), hostile severities and update texts. */
const keyRevokeSchema = z.object({ key: z.string().min(1), revoked: z.boolean().default(true) });
// incident.io's schema caps severity names at 50 characters; a longer one would break every answer.
const severitySchema = z.object({ name: z.string().min(1).max(50), description: z.string().default(''), rank: z.number().int().optional() });
const updateSchema = z.object({ message: z.string().min(1) });
/** Load tests (bench): many open incidents at once; names get a running number. */
const bulkDeclareSchema = declareSchema.omit({ name: true, summary: true }).extend({
  count: z.number().int().min(1).max(5000),
  name: z.string().min(1).default('Load test incident'),
});
type DeclareRequest = z.infer<typeof declareSchema>;

class AdminError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function byName<T extends { name: string }>(items: T[], name: string, what: string): T {
  const found = items.find((i) => i.name.toLowerCase() === name.toLowerCase());
  if (!found) throw new AdminError(400, `Unknown ${what} "${name}" (have: ${items.map((i) => i.name).join(', ')})`);
  return found;
}

/** The colleague who acts "in the app" for out-of-band changes. */
function colleague(state: SandboxState): User {
  const user = state.users[1] ?? state.users[0];
  if (!user) throw new Error('Seed has no users');
  return user;
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new AdminError(400, z.prettifyError(result.error));
  return result.data;
}

/** `/_sandbox/*`: reset, faults, latency, request log, and acting as a colleague. No auth (loopback only). */
export function handleAdmin(ctx: AdminContext, method: string, route: string, search: URLSearchParams, body: unknown, now: number): AdminResponse {
  try {
    return dispatch(ctx, `${method} ${route}`, search, body, now);
  } catch (err) {
    if (err instanceof AdminError) return { status: err.status, body: { error: err.message } };
    throw err;
  }
}

function dispatch(ctx: AdminContext, call: string, search: URLSearchParams, body: unknown, now: number): AdminResponse {
  const state = ctx.state();
  switch (call) {
    case 'GET health':
      return { status: 200, body: { ok: true } };
    case 'POST reset':
      ctx.reset();
      return { status: 200, body: { ok: true } };
    case 'GET faults':
      return { status: 200, body: { faults: ctx.faults.pending() } };
    case 'POST faults': {
      const { faults } = parse(faultsRequestSchema, body);
      ctx.faults.add(faults);
      return { status: 200, body: { ok: true, pending: ctx.faults.pending().length } };
    }
    case 'DELETE faults':
      ctx.faults.clear();
      return { status: 200, body: { ok: true } };
    case 'POST latency': {
      const { ms } = parse(latencySchema, body);
      ctx.setLatency(ms);
      return { status: 200, body: { ok: true, ms } };
    }
    case 'GET requests': {
      const since = search.get('since');
      const sinceMs = since === null ? undefined : /^\d+$/.test(since) ? Number(since) : Date.parse(since);
      const requests = ctx.log.list({
        ...(search.get('method') ? { method: search.get('method') ?? '' } : {}),
        ...(search.get('path') ? { path: search.get('path') ?? '' } : {}),
        ...(sinceMs !== undefined && !Number.isNaN(sinceMs) ? { since: sinceMs } : {}),
      });
      return { status: 200, body: { requests, count: requests.length } };
    }
    case 'DELETE requests':
      ctx.log.clear();
      return { status: 200, body: { ok: true } };
    case 'GET incidents':
      return { status: 200, body: { incidents: state.incidents } };
    case 'POST incidents':
      return { status: 201, body: { incident: declareAsColleague(state, parse(declareSchema, body), now) } };
    case 'POST incidents/bulk': {
      const { count, name, ...rest } = parse(bulkDeclareSchema, body);
      const references = Array.from({ length: count }, (_, i) =>
        declareAsColleague(state, { ...rest, name: `${name} ${i + 1}` }, now).reference);
      return { status: 201, body: { count, references } };
    }
    case 'POST keys/revoke': {
      const { key, revoked } = parse(keyRevokeSchema, body);
      const found = state.keys.find((k) => k.token === key || k.name === key);
      if (!found) throw new AdminError(404, 'No such API key');
      found.revoked = revoked;
      return { status: 200, body: { ok: true, name: found.name, revoked } };
    }
    case 'POST severities': {
      const input = parse(severitySchema, body);
      const rank = input.rank ?? Math.max(0, ...state.severities.map((s) => s.rank)) + 1;
      const severity = { id: newId(state, 'severity', now), name: input.name, description: input.description, rank, created_at: iso(now), updated_at: iso(now) };
      state.severities.push(severity);
      return { status: 201, body: { severity } };
    }
    default:
      return statusChange(ctx, call, body, now);
  }
}

function declareAsColleague(state: SandboxState, input: DeclareRequest, now: number) {
  return declareIncident(state, {
    name: input.name,
    ...(input.summary ? { summary: input.summary } : {}),
    visibility: input.visibility,
    mode: 'standard',
    status: byName(state.statuses, input.status ?? 'Investigating', 'status'),
    severity: byName(state.severities, input.severity ?? 'Minor', 'severity'),
    type: input.type ? byName(state.incidentTypes, input.type, 'incident type') : defaultType(state),
    creator: { user: colleague(state) },
    roleAssignments: [],
  }, now);
}

function defaultType(state: SandboxState) {
  const type = state.incidentTypes.find((t) => t.is_default);
  if (!type) throw new Error('Seed has no default incident type');
  return type;
}

/**
 * `POST incidents/:ref/status`: a change made in the app, so the API's lifecycle rules don't apply.
 * `POST incidents/:ref/updates`: an update a colleague posted, with their message.
 */
function statusChange(ctx: AdminContext, call: string, body: unknown, now: number): AdminResponse {
  const match = /^POST incidents\/([^/]+)\/(status|updates)$/.exec(call);
  if (!match?.[1]) throw new AdminError(404, `No sandbox admin route for ${call}`);
  const state = ctx.state();
  const ref = decodeURIComponent(match[1]).replace(/^(INC-|#)/i, '');
  const incident = findIncident(state, ref);
  if (!incident) throw new AdminError(404, `No incident ${match[1]}`);
  if (match[2] === 'updates') {
    const { message } = parse(updateSchema, body);
    return { status: 201, body: { update: addUpdate(state, incident, { user: colleague(state) }, message, now) } };
  }
  const { status } = parse(statusChangeSchema, body);
  changeIncident(state, incident, { status: byName(state.statuses, status, 'status') }, { user: colleague(state) }, now);
  return { status: 200, body: { incident } };
}
