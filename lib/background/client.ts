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

/** A client for the connected key; the key is read here and never leaves the background. */
export async function connectedClient(): Promise<IncidentIoClient> {
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
