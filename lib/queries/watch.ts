import { queryOptions } from '@tanstack/react-query';
import { send } from '@/lib/messaging/send';

/** Watched incidents and snoozes (the background's alerts use them). */
export const watchQuery = () => queryOptions({ queryKey: ['watch'] as const, queryFn: () => send('watch/list', {}) });
