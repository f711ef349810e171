import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { EscalateForm, EscalationsList, OnCallNow, type EscalationRequest } from '@/components/escalate-form';
import { ErrorAlert } from '@/components/error-alert';
import { Spinner } from '@/components/spinner';
import { extraCapabilitiesFromRoles } from '@/lib/incident-io/roles';
import type { Incident } from '@/lib/incident-io/schemas';
import { send } from '@/lib/messaging/send';
import { queries } from '@/lib/queries/keys';
import { errorInfo } from './errors';
import { useOrg } from './use-org';

const newKey = () => `copilot-escalation-${crypto.randomUUID()}`;

/** Issue 12 §2: page on-call for this incident, its escalations, and who is on call now. */
export function EscalateView({ incident }: { incident: Incident }) {
  const org = useOrg();
  const queryClient = useQueryClient();
  const caps = extraCapabilitiesFromRoles(org.connection.data?.identity?.roles ?? []);
  const [open, setOpen] = useState(false);
  // One key per opened form: every retry of this form sends it, so incident.io pages once.
  const [key, setKey] = useState(newKey);
  const [paged, setPaged] = useState<string | null>(null);
  const headingId = useId();
  const onCallId = useId();

  const options = useQuery({ ...queries.onCallOptions(), enabled: open && caps.canPage });
  const escalations = useQuery({ ...queries.escalations(incident.id), enabled: caps.canPage || caps.canSeeOnCall });
  const onCall = useQuery({ ...queries.onCallNow(), enabled: caps.canSeeOnCall });
  const page = useMutation({
    mutationFn: (request: EscalationRequest) => send('escalations/create', {
      incidentId: incident.id, idempotencyKey: key, title: request.title,
      ...(request.description ? { description: request.description } : {}),
      ...(request.escalationPathId ? { escalationPathId: request.escalationPathId } : { userIds: request.userIds ?? [] }),
    }),
    onSuccess: async ({ escalation }) => {
      setOpen(false);
      setKey(newKey());
      setPaged(`Paged on-call: ${escalation.title} (${escalation.status}).`);
      await queryClient.invalidateQueries({ queryKey: queries.escalations(incident.id).queryKey });
    },
  });

  return (
    <section aria-labelledby={headingId} className="escalate">
      <h3 id={headingId}>On-call</h3>
      {paged && <p role="status">{paged}</p>}
      {caps.canPage ? (
        open ? (
          options.isPending ? <Spinner label="Loading escalation paths…" />
            : options.error ? <ErrorAlert error={errorInfo(options.error)!} onRetry={() => void options.refetch()} />
              : (
                <EscalateForm
                  reference={incident.reference}
                  defaultTitle={`${incident.reference}: ${incident.name}`}
                  paths={options.data?.paths ?? []}
                  users={options.data?.users ?? []}
                  onPage={(request) => page.mutate(request)}
                  onCancel={() => setOpen(false)}
                  busy={page.isPending}
                  error={errorInfo(page.error)}
                />
              )
        ) : <button type="button" onClick={() => { setPaged(null); setOpen(true); }}>Escalate</button>
      ) : <p className="muted">{caps.pageReason}</p>}
      {(caps.canPage || caps.canSeeOnCall) && (
        <>
          <h4>Escalations</h4>
          {escalations.data ? <EscalationsList escalations={escalations.data.escalations} paths={options.data?.paths ?? []} />
            : escalations.error ? <ErrorAlert error={errorInfo(escalations.error)!} onRetry={() => void escalations.refetch()} /> : <Spinner label="Loading escalations…" />}
        </>
      )}
      <h4 id={onCallId}>On call now</h4>
      {caps.canSeeOnCall ? (
        onCall.data ? <OnCallNow schedules={onCall.data.schedules} />
          : onCall.error ? <ErrorAlert error={errorInfo(onCall.error)!} onRetry={() => void onCall.refetch()} /> : <Spinner label="Loading schedules…" />
      ) : <p className="muted">{caps.onCallReason}</p>}
    </section>
  );
}
