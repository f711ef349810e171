import { queryOptions } from '@tanstack/react-query';
import { send } from '@/lib/messaging/send';

/** Query options per resource; every fetch goes through the background (it alone holds the key). */
export const queries = {
  connection: () => queryOptions({ queryKey: ['connection'], queryFn: () => send('connection/get', {}) }),
  settings: () => queryOptions({ queryKey: ['settings'], queryFn: () => send('settings/get', {}) }),
  catalog: () => queryOptions({ queryKey: ['catalog'], queryFn: () => send('catalog/get', {}), staleTime: 5 * 60_000 }),
  openIncidents: () => queryOptions({ queryKey: ['incidents', 'open'], queryFn: () => send('incidents/open', {}) }),
  incident: (ref: string) =>
    queryOptions({ queryKey: ['incidents', 'detail', ref], queryFn: () => send('incidents/get', { ref }) }),
  updates: (incidentId: string) =>
    queryOptions({ queryKey: ['incidents', 'updates', incidentId], queryFn: () => send('incidents/updates', { incidentId }) }),
  attachments: (incidentId: string) =>
    queryOptions({ queryKey: ['attachments', incidentId], queryFn: () => send('attachments/list', { incidentId }) }),
};
