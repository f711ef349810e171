import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAdmin, type AdminContext } from './admin';
import { adminRefusal } from './admin-guard';
import { createApi, type ApiResponse } from './api';
import { errorBody, ApiError, typeForStatus } from './errors';
import { createFaultQueue, withBadSchema, withUnknownEnums, type Fault } from './faults';
import { createRouter, loadSubset } from './openapi';
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limit';
import { createRequestLog, decodedQuery, type LoggedRequest } from './request-log';
import { createSeedState } from './seed';
import { settlePendingChannels, type SandboxState } from './state';
import { createSecondOrgState } from './second-org';
import { ulid } from './ulid';
import { createValidator } from './validate';

export type SandboxOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Token bucket per key; defaults to incident.io's 1200 refilling at 20/s. */
  rateLimit?: RateLimitOptions;
};

export type RunningSandbox = { url: string; close(): Promise<void>; reset(): void };

const ADMIN_PREFIX = '/_sandbox/';
const EXPOSED_HEADERS = 'X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Reset, Retry-After, X-Request-Id';

/**
 * incident.io itself sends no CORS headers; the sandbox answers chrome-extension:// origins so an
 * extension page without a host permission for 127.0.0.1 can still reach it.
 */
function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin?.startsWith('chrome-extension://')) return {};
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Access-Control-Expose-Headers': EXPOSED_HEADERS };
}

function preflightHeaders(req: IncomingMessage): Record<string, string> {
  const cors = corsHeaders(req);
  if (!cors['Access-Control-Allow-Origin']) return {};
  return {
    ...cors,
    'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': 'authorization, content-type',
    'Access-Control-Max-Age': '600',
    ...(req.headers['access-control-request-private-network'] ? { 'Access-Control-Allow-Private-Network': 'true' } : {}),
  };
}

const isLoopback = (address: string | undefined): boolean =>
  address !== undefined && (address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.'));

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const doc = loadSubset();
  const validator = createValidator(doc);
  validator.compileAll();
  const limiter = createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const faults = createFaultQueue();
  const log = createRequestLog();
  let state: SandboxState = createSeedState(Date.now());
  // The second workspace's org: its key's requests read and write it (sandbox/second-org.ts).
  let secondOrg: SandboxState = createSecondOrgState(Date.now());
  let answering: SandboxState = state;
  let latencyMs = 0;
  let requestSeq = 0;

  const reset = () => {
    state = createSeedState(Date.now());
    secondOrg = createSecondOrgState(Date.now());
    faults.clear();
    log.clear();
    limiter.clear();
    latencyMs = 0;
  };
  const admin: AdminContext = { state: () => state, faults, log, setLatency: (ms) => { latencyMs = ms; }, reset };
  const api = createApi({ route: createRouter(doc), validator, limiter, state: () => answering });

  /** An injected answer in place of the real one; undefined for faults that only shape the real one. */
  function injected(fault: Fault, requestId: string): ApiResponse | undefined {
    if (fault.status === undefined) return undefined;
    const err = new ApiError(fault.status, typeForStatus(fault.status), [{ code: 'injected_fault', message: `Injected ${fault.status} from the sandbox` }]);
    const retry: Record<string, string> = fault.status === 429 && !fault.headers?.['Retry-After'] ? { 'Retry-After': '1' } : {};
    return { status: fault.status, headers: { ...retry, ...fault.headers }, body: fault.body ?? errorBody(err, requestId), keyName: null };
  }

  async function handleApiCall(req: IncomingMessage, res: ServerResponse, url: URL, body: string): Promise<void> {
    const now = Date.now();
    requestSeq += 1;
    const requestId = ulid(now, `request:${requestSeq}`);
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const entry: LoggedRequest = log.add({
      method: req.method ?? 'GET', path: url.pathname, query: decodedQuery(url.searchParams),
      keyName: [...state.keys, ...secondOrg.keys].find((k) => k.token === token)?.name ?? null, status: null, at: new Date(now).toISOString(),
    });
    const base = { ...corsHeaders(req), 'X-Request-Id': requestId };

    if (latencyMs > 0) await sleep(latencyMs);
    const fault = faults.take(entry.method, url.pathname);
    if (fault?.latencyMs) await sleep(fault.latencyMs);
    if (fault?.kind === 'hang') return; // never answered; close() cuts the connection
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'non_json') {
      entry.status = fault.status ?? 502;
      res.writeHead(entry.status, { ...base, ...fault.headers, 'Content-Type': 'text/html' })
        .end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      return;
    }

    answering = secondOrg.keys.some((k) => k.token === token) ? secondOrg : state;
    settlePendingChannels(answering, Date.now());
    const answer = (fault && injected(fault, requestId)) ?? api({
      method: entry.method, pathname: url.pathname, search: url.searchParams, authorization: req.headers.authorization,
      contentType: req.headers['content-type'], body, requestId, now: Date.now(),
    });
    if (fault?.kind === 'drop_after') {
      entry.status = answer.status;
      req.socket.destroy();
      return;
    }
    const shaped = answer.body === undefined || !fault?.kind ? answer.body
      : fault.kind === 'bad_schema' ? withBadSchema(answer.body) : withUnknownEnums(answer.body);
    entry.status = answer.status;
    sendJson(res, answer.status, { ...base, ...answer.headers }, shaped);
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://sandbox.local');
      const body = await readBody(req);
      if (req.method === 'OPTIONS') {
        res.writeHead(204, preflightHeaders(req)).end();
        return;
      }
      if (url.pathname.startsWith(ADMIN_PREFIX)) {
        if (!isLoopback(req.socket.remoteAddress)) {
          sendJson(res, 403, corsHeaders(req), { error: 'The sandbox admin API only answers loopback clients' });
          return;
        }
        const refusal = adminRefusal(req.method ?? 'GET', req.headers, body.length > 0);
        if (refusal) {
          sendJson(res, refusal.status, {}, { error: refusal.error });
          return;
        }
        let parsed: unknown;
        try {
          parsed = body ? JSON.parse(body) : undefined;
        } catch {
          sendJson(res, 400, corsHeaders(req), { error: 'Body is not JSON' });
          return;
        }
        const answer = handleAdmin(admin, req.method ?? 'GET', url.pathname.slice(ADMIN_PREFIX.length), url.searchParams, parsed, Date.now());
        sendJson(res, answer.status, corsHeaders(req), answer.body);
        return;
      }
      await handleApiCall(req, res, url, body);
    })().catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, {}, { error: err instanceof Error ? err.message : String(err) });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  return {
    url: `http://${host}:${port}`,
    reset,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeAllConnections();
    }),
  };
}
