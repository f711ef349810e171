import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ExternalLink } from '@/components/external-link';
import { Spinner } from '@/components/spinner';
import { StatusPageForm, type PublishRequest } from '@/components/status-page-form';
import { flattenMarkdown } from '@/lib/helpdesk/flatten-markdown';
import { extraCapabilitiesFromRoles } from '@/lib/incident-io/roles';
import type { Incident } from '@/lib/incident-io/schemas';
import { send } from '@/lib/messaging/send';
import { queries } from '@/lib/queries/keys';
import { errorInfo } from './errors';
import { useOrg } from './use-org';

const newKey = () => `copilot-status-page-${crypto.randomUUID()}`;

/** Issue 12 §3: the incident's status page incident, "Publish to status page" and "Post public update". */
export function StatusPageView({ incident }: { incident: Incident }) {
  const org = useOrg();
  const queryClient = useQueryClient();
  const caps = extraCapabilitiesFromRoles(org.connection.data?.identity?.roles ?? []);
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(newKey);
  const [done, setDone] = useState<string | null>(null);
  const headingId = useId();
  const current = useQuery(queries.statusPageIncident(incident.id));
  const pages = useQuery({ ...queries.statusPages(), enabled: open });
  const spi = current.data?.statusPageIncident ?? null;

  const finish = async (text: string) => {
    setOpen(false);
    setKey(newKey());
    setDone(text);
    await queryClient.invalidateQueries({ queryKey: queries.statusPageIncident(incident.id).queryKey });
  };
  const publish = useMutation({
    mutationFn: (r: PublishRequest) => send('statuspages/publish', { incidentId: incident.id, idempotencyKey: key, statusPageId: r.statusPageId, name: r.name, status: r.status, message: r.message, notifySubscribers: r.notifySubscribers }),
    onSuccess: ({ statusPageIncident }) => finish(`Published to the status page: ${statusPageIncident.name}.`),
  });
  const update = useMutation({
    mutationFn: (r: PublishRequest) => send('statuspages/update', { statusPageIncidentId: spi!.id, message: r.message, status: r.status, notifySubscribers: r.notifySubscribers }),
    onSuccess: ({ recovered }) => finish(recovered ? 'The public update was posted (confirmed after a lost answer).' : 'Public update posted.'),
  });
  const mutation = spi ? update : publish;
  const latest = spi?.updates.reduce<(typeof spi.updates)[number] | undefined>((a, u) => (!a || u.published_at > a.published_at ? u : a), undefined);

  return (
    <section aria-labelledby={headingId} className="status-page">
      <h3 id={headingId}>Status page</h3>
      {done && <p role="status">{done}</p>}
      {current.isPending ? <Spinner label="Loading status page…" /> : spi ? (
        <div>
          <p>On status page: {current.data?.statusPage?.name ?? 'status page'}</p>
          <p><strong>{spi.name}</strong> ({spi.incident_status})</p>
          {latest && <p>{flattenMarkdown(latest.message)}</p>}
          {current.data?.statusPage?.public_url && <ExternalLink href={`${current.data.statusPage.public_url}/incidents/${spi.id}`}>View on the status page</ExternalLink>}
        </div>
      ) : <p className="muted">Not on a status page.</p>}
      {!caps.canPublish ? <p className="muted">{caps.publishReason}</p> : open ? (
        pages.isPending && !spi ? <Spinner label="Loading status pages…" /> : (
          <StatusPageForm
            mode={spi ? 'update' : 'publish'}
            reference={incident.reference}
            isPrivate={incident.visibility === 'private'}
            defaultTitle={incident.name}
            pages={pages.data?.statusPages ?? []}
            current={spi ? { pageName: current.data?.statusPage?.name ?? '', name: spi.name, status: spi.incident_status } : undefined}
            onSubmit={(r) => { if (!mutation.isPending) mutation.mutate(r); }}
            onCancel={() => setOpen(false)}
            busy={mutation.isPending}
            error={errorInfo(mutation.error)}
            // Publishing retries with its key; an update error reaching here means it's known not to be there.
            canRetry
          />
        )
      ) : (
        <button type="button" onClick={() => { setDone(null); setOpen(true); }}>{spi ? 'Post public update' : 'Publish to status page'}</button>
      )}
    </section>
  );
}
