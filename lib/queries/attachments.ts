import { queryOptions } from '@tanstack/react-query';
import { send } from '@/lib/messaging/send';

/** Every incident's linked tickets: what linking or unlinking invalidates. */
export const attachmentsScope = { queryKey: ['attachments'] as const };

export const attachmentsQuery = (incidentId: string) => queryOptions({
  queryKey: [...attachmentsScope.queryKey, incidentId] as const,
  queryFn: () => send('attachments/list', { incidentId }),
});
