import { queryOptions } from '@tanstack/react-query';
import { send } from '@/lib/messaging/send';

/** The connected workspaces by name (never their keys). */
export const workspacesQuery = () => queryOptions({ queryKey: ['workspaces'] as const, queryFn: () => send('workspaces/list', {}) });
