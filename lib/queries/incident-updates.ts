import { queryOptions } from '@tanstack/react-query';
import { send } from '@/lib/messaging/send';
import { incidentScope } from './incident';

export const incidentUpdatesQuery = (incidentId: string) => queryOptions({
  queryKey: [...incidentScope.queryKey, 'updates', incidentId] as const,
  queryFn: () => send('incidents/updates', { incidentId }),
});
