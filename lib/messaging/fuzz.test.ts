import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeIncident } from '@/lib/background/test-fixtures';
import { connectionItem } from '@/lib/storage';
import { apiKeyItem } from '@/lib/background/key-storage';
import { callerLevel, type StampedSender } from './access';
import { type CallContext, createRouter, type Handlers } from './handle';
import { envelopeSchema, type MessageType, protocol, type RequestOf } from './protocol';

/**
 * The background router under 10,000+ random and mutated messages, with the real handlers over fake
 * browser storage and a fake incident.io client: every message gets an envelope (or null for
 * strangers), nothing from a web page reaches a write, and the API key never appears in a reply.
 */

const KEY = 'sk-live-FUZZ-3f9c2e77a1';
const incident = makeIncident(123);
const writes = { createIncident: vi.fn(), editIncident: vi.fn(), createAttachment: vi.fn(), deleteAttachment: vi.fn() };
const fakeClient = {
  identity: async () => ({ name: 'Fuzz key', dashboard_url: 'https://app.incident.io/acme', roles: ['viewer', 'incident_creator', 'incident_editor', 'global_access'] }),
  listStatuses: async () => [incident.incident_status],
  listSeverities: async () => [],
  listIncidentTypes: async () => [],
  listIncidents: async () => ({ incidents: [incident], pagination_meta: { page_size: 250 } }),
  listAllIncidents: async () => [incident],
  getIncident: async () => incident,
  listIncidentUpdates: async () => [],
  listAttachments: async () => [],
  createIncident: writes.createIncident.mockImplementation(async () => incident),
  editIncident: writes.editIncident.mockImplementation(async () => incident),
  createAttachment: writes.createAttachment.mockImplementation(async () => ({
    id: 'att-1', incident_id: incident.id, resource: { external_id: '42', resource_type: 'zendesk_ticket', permalink: 'https://acme.zendesk.com/agent/tickets/42', title: 'Ticket 42' },
  })),
  deleteAttachment: writes.deleteAttachment.mockImplementation(async () => undefined),
};
vi.mock('@/lib/background/client', () => ({ connectedClient: async () => fakeClient, rateLimitState: {} }));

// `connection/connect` builds its own client: any request it makes is recorded, never sent.
const fetched: { url: string; headers: unknown }[] = [];
vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
  fetched.push({ url: String(url), headers: init?.headers });
  return new Response(JSON.stringify({ type: 'authentication_error', status: 401 }), { status: 401 });
}));
afterAll(() => vi.unstubAllGlobals());

const { handlers: realHandlers } = await import('@/lib/background/handlers');

const self = { runtimeId: 'copilot-id', origin: 'chrome-extension://copilot-id' };
const sidePanel: StampedSender = { id: self.runtimeId, url: `${self.origin}/sidepanel.html` };
const helpdeskUrl = 'https://acme.zendesk.com/agent/tickets/42';
const contentScript: StampedSender = { id: self.runtimeId, url: helpdeskUrl, tab: { id: 7, url: helpdeskUrl }, frameId: 0 };

const types = Object.keys(protocol) as MessageType[];
const agentOnly = new Set(types.filter((type) => protocol[type].access === 'agent'));

/** One valid request per type (the compiler keeps this list complete); mutations start from these. */
const validRequests: { [T in MessageType]: RequestOf<T> } = {
  'incidents/open': {},
  'incidents/refresh': {},
  'incidents/fill': {},
  'incidents/first-rows': {},
  'incidents/get': { ref: 'INC-123' },
  'incidents/card': { ref: 'INC-123' },
  'helpdesk/ui': {},
  'incidents/updates': { incidentId: incident.id },
  'incidents/create': { payload: { idempotency_key: 'copilot-1', visibility: 'public', name: 'Checkout down' } },
  'incidents/set-status': { incidentId: incident.id, target: 'resolved', notify: false },
  'catalog/get': {},
  'connection/get': {},
  'connection/connect': { apiKey: 'sk-other', baseUrl: 'https://api.incident.io' },
  'connection/disconnect': {},
  'settings/get': {},
  'settings/update': { pollIntervalSeconds: 120 },
  'attachments/list': { externalId: '42' },
  'attachments/create': { incident_id: incident.id, resource: { external_id: '42', resource_type: 'zendesk_ticket', url: helpdeskUrl } },
  'attachments/delete': { id: 'att-1' },
  'watch/toggle': { incidentId: incident.id },
  'watch/list': {},
  'snooze/set': { incidentId: incident.id, minutes: 15 },
  'panel/open': { kind: 'incident', ref: 'INC-123' },
  'panel/take-intent': {},
  'declare/prefill': { name: 'Checkout down', summary: 'From ticket 42' },
  'helpdesk/active-tab': {},
  'reply/insert': { incidentId: incident.id, tabId: 7 },
  'sites/list': {},
  'sites/enable': { url: 'https://desk.acme.test/' },
  'sites/disable': { origin: 'https://desk.acme.test' },
  'spike/declare': {},
  'suggestions/ticket': { subject: 'Checkout down', text: 'card payments fail with 502', requester: { email: 'jo@acme.com' } },
  'followups/done': { incidentId: incident.id, externalId: '42' },
  'followups/insert': { incidentId: incident.id, externalId: '42', tabId: 7 },
  'followups/ticket': { externalId: '42' },
  'followups/inserted': { incidentId: incident.id, externalId: '42' },
  'oncall/options': {},
  'escalations/list': { incidentId: incident.id },
  'escalations/create': { incidentId: incident.id, idempotencyKey: 'copilot-escalation-1', title: 'Checkout down', escalationPathId: 'path-1' },
  'oncall/now': {},
  'statuspages/list': {},
  'statuspages/for-incident': { incidentId: incident.id },
  'statuspages/publish': { incidentId: incident.id, idempotencyKey: 'copilot-status-1', statusPageId: 'sp-1', name: 'Checkout issues', status: 'investigating', message: 'Looking into it', notifySubscribers: false },
  'customfields/numeric': {},
  'statuspages/update': { statusPageIncidentId: 'spi-1', message: 'Fixed', status: 'resolved', notifySubscribers: false },
  'fields/list': {},
  'catalog/search': { catalogTypeId: 'ct-1', query: 'Acme' },
  'catalog/requester': { catalogTypeId: 'ct-1', requester: { email: 'jo@acme.com' } },
  'workspaces/list': {},
  'workspaces/add': { apiKey: 'k', baseUrl: 'https://api.incident.io' },
  'workspaces/switch': { id: 'w-1' },
  'workspaces/remove': { id: 'w-1' },
};

/** Which handlers ran, and for whom. */
const invoked: { type: MessageType; level: CallContext['level'] }[] = [];
const handlers = Object.fromEntries(types.map((type) => [type, async (request: never, ctx: CallContext) => {
  invoked.push({ type, level: ctx.level });
  return (realHandlers[type] as (r: never, c: CallContext) => Promise<unknown>)(request, ctx);
}])) as unknown as Handlers;
const route = createRouter(handlers, self);

// --- arbitraries -------------------------------------------------------------------------------

const typeArb = fc.oneof(
  fc.constantFrom(...types),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'incidents/delete', 'INCIDENTS/CREATE', 'incidents/create '),
  fc.string({ maxLength: 70 }),
);
const valueArb = fc.oneof(fc.anything({ maxDepth: 3 }), fc.string({ maxLength: 400 }), fc.constantFrom('sk-live-someone-else', '', null, -1, 1e308, NaN));

const randomMessage = fc.oneof(
  fc.anything({ maxDepth: 4 }),
  fc.record({ type: typeArb, payload: fc.anything({ maxDepth: 3 }) }, { requiredKeys: [] }),
);

/** A valid request with a field dropped, replaced, added, or sent under another type. */
const mutatedMessage = fc.constantFrom(...types).chain((type) => {
  const valid = validRequests[type] as Record<string, unknown>;
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.constant({ type, payload: valid }),
    fc.record({ other: fc.constantFrom(...types) }).map(({ other }) => ({ type: other, payload: valid })),
    fc.tuple(fc.string({ maxLength: 20 }), valueArb).map(([key, value]) => ({ type, payload: { ...valid, [key]: value } })),
    ...(keys.length
      ? [
        fc.tuple(fc.constantFrom(...keys), valueArb).map(([key, value]) => ({ type, payload: { ...valid, [key]: value } })),
        fc.constantFrom(...keys).map((key) => ({ type, payload: Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key)) })),
      ]
      : []),
    valueArb.map((payload) => ({ type, payload })),
  );
});

/** Browser-stamped fields an attacker can influence only indirectly (which page, which frame). */
const spoofedSender: fc.Arbitrary<StampedSender> = fc.record({
  id: fc.constantFrom(self.runtimeId, 'evil-extension', undefined),
  url: fc.constantFrom(helpdeskUrl, `${self.origin}/sidepanel.html`, 'chrome-extension://evil/x.html', 'file:///etc/passwd', 'about:blank', 'data:text/html,x', undefined),
  tab: fc.option(fc.record({ id: fc.integer(), url: fc.constantFrom(helpdeskUrl, `${self.origin}/sidepanel.html`, undefined) }), { nil: undefined }),
  frameId: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
}, { requiredKeys: [] });

// --- the checks --------------------------------------------------------------------------------

let messagesSent = 0;
/** Handler runs per caller level: the fuzzing must get past parsing, not only bounce off it. */
const reached = { agent: new Set<MessageType>(), helpdesk: new Set<MessageType>() };

async function send(message: unknown, sender: StampedSender) {
  messagesSent += 1;
  invoked.length = 0;
  const writesBefore = Object.values(writes).reduce((n, fn) => n + fn.mock.calls.length, 0);
  const fetchesBefore = fetched.length;
  const reply = await Promise.race([
    route(message, sender),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`no reply within 2 s to ${JSON.stringify(message)?.slice(0, 200)}`)), 2000)),
  ]);
  for (const call of invoked) reached[call.level].add(call.type);
  const level = callerLevel(sender, self);
  if (level === null) {
    expect(reply).toBeNull();
  } else {
    expect(envelopeSchema.safeParse(reply).success).toBe(true);
  }
  // The key is stored and in use; no reply to anyone carries it.
  expect(JSON.stringify(reply ?? null)).not.toContain(KEY);
  if (level !== 'agent') {
    expect(invoked.filter((call) => agentOnly.has(call.type))).toEqual([]);
    expect(invoked.every((call) => call.level === 'helpdesk')).toBe(true);
    expect(Object.values(writes).reduce((n, fn) => n + fn.mock.calls.length, 0)).toBe(writesBefore);
    expect(fetched.length).toBe(fetchesBefore);
  }
  return reply;
}

beforeEach(async () => {
  fakeBrowser.reset();
  await apiKeyItem.set(KEY);
  await connectionItem.set({ baseUrl: 'https://api.incident.io', identity: await fakeClient.identity() });
});

/** Puts back what an agent-level `connection/disconnect` or `connect` changed, so every run has a key to leak. */
async function restoreKey() {
  if ((await apiKeyItem.get()) !== KEY) await apiKeyItem.set(KEY);
}

describe('router fuzzing', () => {
  it('the valid requests the mutations start from are valid', () => {
    for (const type of types) expect(protocol[type].request.safeParse(validRequests[type]).success, type).toBe(true);
  });

  it('content-script senders: 4,000 random messages', async () => {
    await fc.assert(fc.asyncProperty(randomMessage, async (message) => {
      await send(message, contentScript);
    }), { numRuns: 4000 });
  }, 120_000);

  it('content-script senders: 3,000 mutated protocol messages, writes always refused', async () => {
    await fc.assert(fc.asyncProperty(mutatedMessage, async (message) => {
      const reply = await send(message, contentScript);
      if (typeof message.type === 'string' && agentOnly.has(message.type as MessageType)) {
        expect(reply).toMatchObject({ ok: false, error: { kind: 'not_allowed' } });
      }
    }), { numRuns: 3000 });
  }, 120_000);

  it('extension senders: 2,000 random and mutated messages always get an envelope', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(randomMessage, mutatedMessage), async (message) => {
      await restoreKey();
      await send(message, sidePanel);
    }), { numRuns: 2000 });
  }, 120_000);

  it('spoofed and foreign senders: 1,000 messages never reach a write unless the sender is the extension', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(randomMessage, mutatedMessage), spoofedSender, async (message, sender) => {
      await restoreKey();
      await send(message, sender);
    }), { numRuns: 1000 });
  }, 120_000);

  it('sent at least 10,000 messages in all, reaching every read from help-desk pages and every handler from the panel', async () => {
    // Each type's valid request once more from each sender: the random runs reach almost every
    // handler, and a rare draw that misses one must not fail the check that routing reaches them all.
    for (const type of types) {
      await restoreKey();
      if (!agentOnly.has(type)) await send({ type, payload: validRequests[type] }, contentScript);
      await send({ type, payload: validRequests[type] }, sidePanel);
    }
    expect(messagesSent).toBeGreaterThanOrEqual(10_000);
    expect([...reached.helpdesk].sort()).toEqual(types.filter((type) => !agentOnly.has(type)).sort());
    expect([...reached.agent].sort()).toEqual([...types].sort());
    expect(writes.createIncident).toHaveBeenCalled();
  });
});
