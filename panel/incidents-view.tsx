import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { AppError } from '@/lib/app-error';
import { FindIncidentForm } from '@/components/find-incident-form';
import { IncidentList } from '@/components/incident-list';
import { parseIncidentRef } from '@/lib/incident-io/reference';
import { send } from '@/lib/messaging/send';
import { queries } from '@/lib/queries/keys';
import { openIncidentsItem } from '@/lib/storage';
import { errorInfo } from './errors';
import { useTicketCounts } from './ticket-counts';
import { useOrg } from './use-org';

const NOT_AN_ID = new AppError({
  kind: 'bad_input',
  message: 'Incident not found: confirm the incident ID is correct. incident.io IDs look like INC-123.',
});

/** The open-incident list (from the background's shared cache) and the lookup box. */
export function IncidentsView({ onOpen }: { onOpen: (ref: string) => void }) {
  const queryClient = useQueryClient();
  const org = useOrg();
  const open = useQuery({ ...queries.openIncidents(), enabled: org.connected });
  const ticketCounts = useTicketCounts();
  const refresh = useMutation({
    mutationFn: () => send('incidents/refresh', {}),
    onSuccess: (data) => queryClient.setQueryData(queries.openIncidents().queryKey, data),
  });
  const lookup = useMutation({
    mutationFn: async (query: string) => {
      if (!parseIncidentRef(query)) throw NOT_AN_ID;
      return send('incidents/get', { ref: query });
    },
    onSuccess: ({ incident }) => {
      queryClient.setQueryData(queries.incident(incident.reference).queryKey, { incident });
      onOpen(incident.reference);
    },
  });

  // Every refresh of the shared cache (the poller's, another view's, after a write) shows as it lands.
  useEffect(
    () => openIncidentsItem.watch((snapshot) => queryClient.setQueryData(queries.openIncidents().queryKey, snapshot)),
    [queryClient],
  );
  // Coming back to the panel revalidates, as opening it does (the query mounts stale).
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void queryClient.refetchQueries({ queryKey: queries.openIncidents().queryKey });
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [queryClient]);

  // A failed refresh stops mattering once newer data lands (the poller recovered by itself).
  const refreshFailure = refresh.isError && refresh.submittedAt >= open.dataUpdatedAt ? refresh.error : null;

  return (
    <>
      <FindIncidentForm onFind={(query) => lookup.mutate(query)} busy={lookup.isPending} error={errorInfo(lookup.error)} />
      <IncidentList
        incidents={open.data?.incidents ?? []}
        severities={org.severities}
        ticketCounts={ticketCounts}
        onOpen={(incident) => {
          queryClient.setQueryData(queries.incident(incident.reference).queryKey, { incident });
          onOpen(incident.reference);
        }}
        onRefresh={() => refresh.mutate()}
        refreshing={refresh.isPending || open.isFetching}
        loading={open.isPending}
        updatedAt={open.data?.fetchedAt ?? null}
        error={errorInfo(refreshFailure ?? open.error)}
      />
    </>
  );
}
