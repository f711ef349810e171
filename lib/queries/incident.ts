import { queryOptions } from '@tanstack/react-query';
import { send } from '@/lib/messaging/send';

/** Everything incident-shaped (list, details, timelines): what a write from this browser invalidates. */
export const incidentScope = { queryKey: ['incidents'] as const };

/** One incident by reference; opening it (or a lookup) always refetches it. */
export const incidentQuery = (ref: string) =>
  queryOptions({ queryKey: [...incidentScope.queryKey, 'detail', ref] as const, queryFn: () => send('incidents/get', { ref }) });
