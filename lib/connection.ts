import { capabilitiesFromRoles } from '@/lib/incident-io/roles';
import type { Identity } from '@/lib/incident-io/schemas';
import type { Connection } from '@/lib/messaging/protocol';

export interface StoredConnection {
  baseUrl: string;
  identity: Identity | null;
}

/**
 * The connection as the panel shows it. The background stores an identity only after its key and
 * clears it before the key, so a stored identity means a key is stored too: the side panel, which
 * must never read the key, can tell "connected" from the identity alone (`keyStored` defaults to true).
 */
export function connectionView(stored: StoredConnection, keyStored = true): Connection {
  return {
    connected: keyStored && stored.identity !== null,
    baseUrl: stored.baseUrl,
    identity: stored.identity,
    capabilities: stored.identity ? capabilitiesFromRoles(stored.identity.roles) : null,
  };
}
