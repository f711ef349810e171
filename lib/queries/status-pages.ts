import { queryOptions } from '@tanstack/react-query';
import { send } from '@/lib/messaging/send';
import { incidentScope } from './incident';

/** The organisation's status pages (slow-changing configuration). */
export const statusPagesQuery = () => queryOptions({
  queryKey: ['statuspages'] as const, queryFn: () => send('statuspages/list', {}), staleTime: 5 * 60_000,
});

/** The status page incident published for one incident, if any. */
export const statusPageIncidentQuery = (incidentId: string) => queryOptions({
  queryKey: [...incidentScope.queryKey, 'statuspage', incidentId] as const,
  queryFn: () => send('statuspages/for-incident', { incidentId }),
});
