import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmCard } from '@/components/confirm-card';
import { ErrorAlert } from '@/components/error-alert';
import { LinkedTickets } from '@/components/linked-tickets';
import { ReplyUpdate, type ReplyUpdateOutcome } from '@/components/reply-update';
import { customerMayHear } from '@/lib/helpdesk/status-snippet';
import type { Incident } from '@/lib/incident-io/schemas';
import { isTicketLink } from '@/lib/background/followups';
import { send } from '@/lib/messaging/send';
import type { TicketRef } from '@/lib/panel-intent';
import { queries } from '@/lib/queries/keys';
import { useActiveTab } from './active-tab';
import { errorInfo } from './errors';
import { attachmentPayload } from './link-ticket';

/**
 * Refreshes what a new or removed link changes. Linking also makes this browser watch the incident
 * (the background's `attachments/create` does it), so the watch state is re-read too.
 */
export function useLinkInvalidation() {
  const queryClient = useQueryClient();
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: queries.allAttachments().queryKey }),
    queryClient.invalidateQueries({ queryKey: queries.watch().queryKey }),
  ]);
}

/** An incident's help-desk side: its linked tickets, linking the open ticket, and the customer update. */
export function HelpdeskSection({ incident, canEdit }: { incident: Incident; canEdit: boolean }) {
  const active = useActiveTab();
  const attachments = useQuery(queries.attachments(incident.id));
  const invalidate = useLinkInvalidation();
  const [confirming, setConfirming] = useState(false);
  const link = useMutation({
    mutationFn: (ticket: TicketRef) => send('attachments/create', attachmentPayload(incident.id, ticket)),
    onSuccess: async () => {
      setConfirming(false);
      await invalidate();
    },
  });
  const unlink = useMutation({ mutationFn: (id: string) => send('attachments/delete', { id, incidentId: incident.id }), onSuccess: invalidate });
  const insert = useMutation({
    mutationFn: async (tabId: number): Promise<ReplyUpdateOutcome> => {
      const result = await send('reply/insert', { incidentId: incident.id, tabId });
      if (result.inserted) return { kind: 'inserted' };
      const copied = await navigator.clipboard.writeText(result.text).then(() => true, () => false);
      return { kind: 'refused', reason: result.reason ?? 'The reply editor did not accept the text.', copied };
    },
  });

  const ticket = active.data?.ticket ?? null;
  const tabId = active.data?.tabId ?? null;
  const linked = ticket !== null && (attachments.data?.attachments ?? []).some((a) => a.resource.external_id === ticket.attachment.externalId);
  return (
    <>
      <LinkedTickets
        // Tickets only: a status page incident or a Jira issue is attached too, but is not a ticket.
        attachments={attachments.data?.attachments.filter(isTicketLink) ?? null}
        error={errorInfo(attachments.error)}
        onRetry={() => void attachments.refetch()}
        onUnlink={(attachment) => unlink.mutate(attachment.id)}
        unlinkingId={unlink.isPending ? unlink.variables : null}
        unlinkError={errorInfo(unlink.error)}
        canEdit={canEdit}
      />
      {ticket && canEdit && attachments.data && !linked && (confirming ? (
        <ConfirmCard
          title={`Link this ticket to ${incident.reference}?`}
          details={[
            { label: 'Ticket', value: ticket.attachment.title },
            { label: 'Ticket URL', value: ticket.url },
            { label: 'Incident', value: `${incident.reference}: ${incident.name}` },
          ]}
          confirmLabel="Link ticket"
          onConfirm={() => link.mutate(ticket)}
          onCancel={() => setConfirming(false)}
          busy={link.isPending}
        />
      ) : (
        <div className="actions">
          <button type="button" onClick={() => setConfirming(true)}>Link {ticket.attachment.title}</button>
        </div>
      ))}
      {link.error && <ErrorAlert error={errorInfo(link.error)!} />}
      <ReplyUpdate
        ticketLabel={ticket && tabId !== null ? ticket.attachment.title : null}
        shareable={customerMayHear(incident)}
        onInsert={() => tabId !== null && insert.mutate(tabId)}
        busy={insert.isPending}
        outcome={insert.data ?? null}
        error={errorInfo(insert.error)}
      />
    </>
  );
}
