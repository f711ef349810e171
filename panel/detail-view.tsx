import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '@/components/error-alert';
import { IncidentDetail } from '@/components/incident-detail';
import { IncidentFields } from '@/components/incident-fields';
import { Spinner } from '@/components/spinner';
import { send } from '@/lib/messaging/send';
import { queries } from '@/lib/queries/keys';
import { errorInfo } from './errors';
import { EscalateView } from './escalate-view';
import { StatusPageView } from './status-page-view';
import { HelpdeskSection } from './helpdesk-section';
import { useTicketCounts } from './ticket-counts';
import { moveChecker, targetValue, useOrg } from './use-org';
import { WatchView } from './watch-view';

/** One incident: details, timeline and the status changer. */
export function DetailView({ reference, onBack }: { reference: string; onBack: () => void }) {
  const queryClient = useQueryClient();
  const org = useOrg();
  const detail = useQuery(queries.incident(reference));
  const ticketCounts = useTicketCounts();
  const incident = detail.data?.incident;
  const updates = useQuery({ ...queries.updates(incident?.id ?? ''), enabled: Boolean(incident) });
  const setStatus = useMutation({
    mutationFn: (input: { target: string; notify: boolean }) =>
      send('incidents/set-status', { incidentId: incident!.id, target: input.target, notify: input.notify }),
    onSuccess: async (data) => {
      queryClient.setQueryData(queries.incident(reference).queryKey, data);
      await queryClient.invalidateQueries({ queryKey: queries.allIncidents().queryKey });
    },
    // A lost answer may hide an applied change (edits are not retried): show what incident.io has now.
    onError: () => queryClient.invalidateQueries({ queryKey: queries.incident(reference).queryKey }),
  });

  if (detail.isPending) return <Spinner label={`Loading ${reference}…`} />;
  if (!incident) {
    return (
      <>
        <button type="button" className="link-button" onClick={onBack}>← Back to incidents</button>
        <ErrorAlert error={errorInfo(detail.error)!} onRetry={() => void detail.refetch()} />
      </>
    );
  }
  return (
    <>
    <WatchView incidentId={incident.id} reference={incident.reference} />
    <IncidentDetail
      incident={incident}
      updates={updates.data?.updates ?? null}
      updatesError={errorInfo(updates.error)}
      onRetryUpdates={() => void updates.refetch()}
      severities={org.severities}
      statuses={org.statuses}
      ticketCount={ticketCounts[incident.id]}
      canEdit={org.capabilities?.canEdit ?? false}
      editReason={org.capabilities?.editReason}
      checkMove={moveChecker(incident, org)}
      onUpdateStatus={(target, notify) => setStatus.mutate({ target: targetValue(target), notify })}
      busy={setStatus.isPending}
      error={errorInfo(setStatus.error)}
      onBack={onBack}
      dashboardUrl={org.connection.data?.identity?.dashboard_url}
    />
    <HelpdeskSection incident={incident} canEdit={org.capabilities?.canEdit ?? false} />
    <IncidentFields incident={incident} />
    <StatusPageView incident={incident} />
    <EscalateView incident={incident} />
    </>
  );
}
