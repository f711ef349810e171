import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEYS } from '@/sandbox/seed';
import { type RunningSandbox, startSandbox } from '@/sandbox/server';
import { createIncidentIoClient } from './client';
import { IncidentIoError } from './errors';

/**
 * "A create that fails or times out and is retried yields exactly one incident": the real client
 * against the real sandbox, over randomised sequences of faults on `POST /v2/incidents`. The agent
 * presses Declare again after every failure (the side panel keeps the draft and its idempotency key),
 * until the declaration goes through.
 */

const TIMEOUT_MS = 120;
/** Longer than the client waits: incident.io still processes the request after the client gave up. */
const SLOW_MS = TIMEOUT_MS + 60;

const httpDateIn = (seconds: number) => new Date(Date.now() + seconds * 1000).toUTCString();

const faultArb = fc.oneof(
  fc.constantFrom(
    { kind: 'drop' },
    { kind: 'drop_after' },
    { kind: 'non_json' },
    { kind: 'non_json', status: 200 },
    { kind: 'bad_schema' },
    { kind: 'unknown_enums' },
    { status: 500 }, { status: 502 }, { status: 503 }, { status: 408 },
    { status: 401 }, { status: 403 }, { status: 422 },
    { status: 429, headers: { 'Retry-After': '1' } },
  ),
  // Rarer, because each one costs a client timeout.
  fc.constantFrom({ kind: 'hang' }, { latencyMs: SLOW_MS }, { kind: 'drop_after', latencyMs: SLOW_MS }),
  fc.constant('http-date-429' as const),
).map((fault) => (fault === 'http-date-429' ? { status: 429, headers: { 'Retry-After': httpDateIn(1) } } : fault));

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

async function admin<T>(method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${sandbox.url}/_sandbox/${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`admin ${method} ${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const allIncidents = async () => (await admin<{ incidents: { id: string; name: string }[] }>('GET', 'incidents')).incidents;

describe('create under faults', () => {
  it('yields exactly one incident over 60 randomised fault sequences, with an actionable error each time it fails', async () => {
    let run = 0;
    let failuresSeen = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(faultArb, { maxLength: 6 }), async (faults) => {
        run += 1;
        sandbox.reset();
        const before = (await allIncidents()).length;
        await admin('POST', 'faults', { faults: faults.map((fault) => ({ method: 'POST', path: '^/v2/incidents$', ...fault })) });
        const client = createIncidentIoClient({
          baseUrl: sandbox.url, apiKey: API_KEYS.full, timeoutMs: TIMEOUT_MS, sleep: async () => undefined,
        });
        const payload = { idempotency_key: `fuzz-${run}-${crypto.randomUUID()}`, visibility: 'public' as const, name: `Checkout down ${run}` };

        // Every press consumes at least one fault, so faults + 1 presses always get through.
        let created: { id: string } | undefined;
        for (let press = 0; press <= faults.length && !created; press++) {
          try {
            created = await client.createIncident(payload);
          } catch (error) {
            failuresSeen += 1;
            expect(error).toBeInstanceOf(IncidentIoError);
            expect((error as IncidentIoError).message).not.toMatch(/unknown error/i);
            expect((error as IncidentIoError).message.length).toBeGreaterThan(20);
          }
        }
        expect(created).toBeDefined();
        // A request incident.io is still working on after the client gave up lands late.
        if (faults.some((fault) => 'latencyMs' in fault)) await new Promise((resolve) => setTimeout(resolve, SLOW_MS + 40));

        const after = await allIncidents();
        expect(after.filter((incident) => incident.name === payload.name).map((incident) => incident.id)).toEqual([created?.id]);
        expect(after).toHaveLength(before + 1);
      }),
      { numRuns: 60 },
    );
    expect(run).toBeGreaterThanOrEqual(60);
    // The sequences did exercise failures, not only the happy path.
    expect(failuresSeen).toBeGreaterThan(20);
  }, 120_000);
});
