import { browser } from 'wxt/browser';
import { AppError } from '@/lib/app-error';
import { createIncidentIoClient } from '@/lib/incident-io/client';
import { readManagedConfig, WRITES_NOT_ALLOWED_MESSAGE } from '@/lib/managed';
import { connectionItem } from '@/lib/storage';
import { apiKeyItem } from './key-storage';

export type IncidentIoClient = ReturnType<typeof createIncidentIoClient>;

/** Latest rate-limit headers seen, so the poller can slow down before incident.io says 429. */
export const rateLimitState: { remaining?: number; limit?: number; resetAt?: number } = {};

/** Client methods that only read. Every other method counts as a write (client.test keeps this list honest). */
export const READ_METHOD = /^(identity|get|list)/;

/**
 * The client with every write refused, for a policy that sets `allowWrites: false`. Enforced here,
 * below every handler, so no message (or a panel that ignores its locked controls) can write.
 */
export function readOnlyClient(client: IncidentIoClient): IncidentIoClient {
  return Object.fromEntries(Object.entries(client).map(([name, method]) => [
    name,
    READ_METHOD.test(name) ? method : () => Promise.reject(new AppError({ kind: 'not_allowed', message: WRITES_NOT_ALLOWED_MESSAGE })),
  ])) as IncidentIoClient;
}

/**
 * A client for the connected key; the key is read here and never leaves the background. Built once
 * per key, base URL and policy rather than per call: reading the three is 2–17 ms on a cold side
 * panel's path before its list request leaves. Every write of the key or the connection goes
 * through `changingConnection`, and a storage or policy change from elsewhere forgets it too.
 */
export function connectedClient(): Promise<IncidentIoClient> {
  watchConnection();
  if (built?.epoch === epoch) return built.client;
  const client = buildClient();
  const entry = { epoch, client };
  built = entry;
  // A missing key is not remembered: the next call reads again.
  client.catch(() => {
    if (built === entry) built = null;
  });
  return client;
}

let epoch = 0;
let built: { epoch: number; client: Promise<IncidentIoClient> } | null = null;

/** The next `connectedClient()` reads the key, connection and policy again. */
export function forgetClient(): void {
  epoch += 1;
  built = null;
}

/**
 * Writes the key or the connection. The client is forgotten before (a call meanwhile reads what is
 * being written, and is not kept) and after (nothing built from the old values survives the write).
 */
export async function changingConnection<T>(write: () => Promise<T>): Promise<T> {
  forgetClient();
  try {
    return await write();
  } finally {
    forgetClient();
  }
}

const CONNECTION_KEYS = ['apiKey', 'connection'];
let watching: ((changes: Record<string, unknown>, area: string) => void) | null = null;
/** Policy changes (and any write not made through `changingConnection`) forget the client too. */
function watchConnection(): void {
  if (watching && browser.storage.onChanged.hasListener(watching)) return;
  watching = (changes, area) => {
    if (area === 'managed' || CONNECTION_KEYS.some((key) => key in changes)) forgetClient();
  };
  browser.storage.onChanged.addListener(watching);
  // Registered now, or re-registered: what changed before it was listening is not known.
  forgetClient();
}

async function buildClient(): Promise<IncidentIoClient> {
  const [apiKey, connection, managed] = await Promise.all([apiKeyItem.get(), connectionItem.get(), readManagedConfig()]);
  if (!apiKey) {
    throw new AppError({ kind: 'not_configured', message: 'Connect an incident.io API key in Settings first.' });
  }
  const client = createIncidentIoClient({
    baseUrl: connection.baseUrl,
    apiKey,
    onRateLimitInfo: (info) => Object.assign(rateLimitState, info),
  });
  return managed.allowWrites === false ? readOnlyClient(client) : client;
}
