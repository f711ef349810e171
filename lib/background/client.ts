import { AppError } from '@/lib/app-error';
import { createIncidentIoClient } from '@/lib/incident-io/client';
import { apiKeyItem, connectionItem } from '@/lib/storage';

export type IncidentIoClient = ReturnType<typeof createIncidentIoClient>;

/** Latest rate-limit headers seen, so the poller can slow down before incident.io says 429. */
export const rateLimitState: { remaining?: number; limit?: number; resetAt?: number } = {};

/** A client for the connected key; the key is read here and never leaves the background. */
export async function connectedClient(): Promise<IncidentIoClient> {
  const [apiKey, connection] = await Promise.all([apiKeyItem.get(), connectionItem.get()]);
  if (!apiKey) {
    throw new AppError({ kind: 'not_configured', message: 'Connect an incident.io API key in Settings first.' });
  }
  return createIncidentIoClient({
    baseUrl: connection.baseUrl,
    apiKey,
    onRateLimitInfo: (info) => Object.assign(rateLimitState, info),
  });
}
