import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { MoveCheck, StatusTarget } from '@/components/status-changer';
import type { Incident } from '@/lib/incident-io/schemas';
import { checkStatusMove, resolveTarget, type StatusMapping } from '@/lib/incident-io/status-words';
import { queries } from '@/lib/queries/keys';
import { effectiveStatusMapping } from '@/lib/status-mapping';

/** The org's catalog, the connection and the effective status-word mapping, for any view. */
export function useOrg() {
  const connection = useQuery(queries.connection());
  const connected = connection.data?.connected ?? false;
  const catalog = useQuery({ ...queries.catalog(), enabled: connected });
  const settings = useQuery(queries.settings());
  const statuses = catalog.data?.statuses ?? [];
  const mapping: StatusMapping = useMemo(
    () => effectiveStatusMapping(catalog.data?.statuses ?? [], settings.data?.statusMapping ?? {}),
    [catalog.data, settings.data],
  );
  return {
    connection,
    connected,
    capabilities: connection.data?.capabilities ?? null,
    catalog,
    statuses,
    severities: catalog.data?.severities ?? [],
    types: catalog.data?.types ?? [],
    settings,
    mapping,
  };
}

/** The target a status-changer choice stands for, as the background will resolve it. */
export const targetValue = (target: StatusTarget) => (target.kind === 'word' ? target.word : target.status.id);

/** Explains a move before it is sent, with the same rules the background applies. */
export function moveChecker(incident: Incident, org: Pick<ReturnType<typeof useOrg>, 'statuses' | 'mapping'>) {
  return (target: StatusTarget): MoveCheck => {
    const resolved = target.kind === 'status' ? { status: target.status } : resolveTarget(target.word, org.statuses, org.mapping);
    if ('error' in resolved) return { allowed: false, reason: resolved.error };
    return checkStatusMove(incident.incident_status, resolved.status, incident.reference);
  };
}
