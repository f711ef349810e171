import { queryOptions } from '@tanstack/react-query';
import { send } from '@/lib/messaging/send';

/** The organisation's numeric custom fields (Settings' ticket count field). Fields rarely change. */
export const numericFieldsQuery = () => queryOptions({
  queryKey: ['customfields', 'numeric'] as const, queryFn: () => send('customfields/numeric', {}), staleTime: 5 * 60_000,
});
