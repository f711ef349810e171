import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { LinkTicketCard } from '@/components/link-ticket-card';
import { Spinner } from '@/components/spinner';
import type { Incident } from '@/lib/incident-io/schemas';
import { send } from '@/lib/messaging/send';
import type { TicketRef } from '@/lib/panel-intent';
import { queries } from '@/lib/queries/keys';
import { errorInfo } from './errors';
import { useLinkInvalidation } from './helpdesk-section';
import { attachmentPayload, linkPreview } from './link-ticket';
import { useOrg } from './use-org';

/**
 * The confirmation a help-desk page asks for ("Link this ticket…" in the strip): the page only
 * proposes; the agent picks the incident here and clicks Link, and only then is anything written.
 */
export function LinkTicketView({ ticket, suggestedRef, onLinked, onCancel }: {
  ticket: TicketRef;
  suggestedRef?: string;
  onLinked: (reference: string) => void;
  onCancel: () => void;
}) {
  const headingId = useId();
  const org = useOrg();
  const open = useQuery({ ...queries.openIncidents(), enabled: org.connected });
  const [selected, setSelected] = useState(suggestedRef ?? '');
  const invalidate = useLinkInvalidation();
  const link = useMutation({
    mutationFn: (incident: Incident) => send('attachments/create', attachmentPayload(incident.id, ticket)),
    onSuccess: async (_data, incident) => {
      await invalidate();
      onLinked(incident.reference);
    },
  });

  const incidents = open.data?.incidents ?? [];
  const chosen = incidents.find((incident) => incident.reference === selected);
  const preview = linkPreview(ticket);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Link a ticket to an incident</h2>
      {!org.capabilities?.canEdit ? (
        <>
          <p className="notice">{org.capabilities?.editReason ?? 'This API key cannot link tickets to incidents.'}</p>
          <button type="button" onClick={onCancel}>Back</button>
        </>
      ) : open.isPending ? (
        <Spinner label="Loading open incidents…" />
      ) : (
        <LinkTicketCard
          ticketTitle={preview?.title ?? ticket.attachment.title}
          ticketUrl={preview?.url ?? ''}
          choices={incidents.map((incident) => ({ reference: incident.reference, name: incident.name }))}
          selectedRef={chosen ? selected : ''}
          onSelect={setSelected}
          onConfirm={() => chosen && link.mutate(chosen)}
          onCancel={onCancel}
          busy={link.isPending}
          error={errorInfo(link.error ?? open.error)}
        />
      )}
    </section>
  );
}
