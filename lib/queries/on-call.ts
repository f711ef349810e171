import { queryOptions } from '@tanstack/react-query';
import { send } from '@/lib/messaging/send';
import { incidentScope } from './incident';

const onCallScope = { queryKey: ['oncall'] as const };

/** Escalation paths and users to page (slow-changing configuration). */
export const onCallOptionsQuery = () => queryOptions({
  queryKey: [...onCallScope.queryKey, 'options'] as const, queryFn: () => send('oncall/options', {}), staleTime: 5 * 60_000,
});

/** Who is on call now. */
export const onCallNowQuery = () => queryOptions({
  queryKey: [...onCallScope.queryKey, 'now'] as const, queryFn: () => send('oncall/now', {}), staleTime: 60_000,
});

/** One incident's escalations (under the incident's scope: a workspace switch drops them with it). */
export const escalationsQuery = (incidentId: string) => queryOptions({
  queryKey: [...incidentScope.queryKey, 'escalations', incidentId] as const,
  queryFn: () => send('escalations/list', { incidentId }),
});
