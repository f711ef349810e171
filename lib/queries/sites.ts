import { queryOptions } from '@tanstack/react-query';
import { send } from '@/lib/messaging/send';

/** Self-hosted desks enabled at run time. */
export const sitesQuery = () => queryOptions({ queryKey: ['helpdesk', 'sites'] as const, queryFn: () => send('sites/list', {}) });
