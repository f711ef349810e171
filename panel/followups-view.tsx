import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { AppError } from '@/lib/app-error';
import { FollowupQueue, type FollowupGroupView } from '@/components/followup-queue';
import { type Followups, followupQueue, splitTicketTitle } from '@/lib/background/followups';
import { send } from '@/lib/messaging/send';
import { useActiveTab } from './active-tab';
import { errorInfo } from './errors';

function groupsOf(state: Followups): FollowupGroupView[] {
  return followupQueue(state).map((entry) => ({
    incidentId: entry.incidentId,
    reference: entry.reference,
    name: entry.name,
    word: entry.ended?.word ?? 'resolved',
    tickets: entry.pending.map((ticket) => {
      const { desk, subject } = splitTicketTitle(ticket.title);
      return { externalId: ticket.externalId, desk, title: subject, url: ticket.url };
    }),
  }));
}

/** The Follow-ups tab: done marks go to the background, which owns the stored queue. */
export function FollowupsView({ state }: { state: Followups }) {
  const active = useActiveTab();
  const [message, setMessage] = useState<string | null>(null);
  const done = useMutation({
    mutationFn: ({ incidentId, externalId }: { incidentId: string; externalId: string }) => send('followups/done', { incidentId, externalId }),
    onSuccess: () => setMessage('Marked done.'),
  });
  const insert = useMutation({
    mutationFn: async ({ incidentId, externalId }: { incidentId: string; externalId: string }) => {
      const tabId = active.data?.tabId;
      if (tabId === null || tabId === undefined) throw new AppError({ kind: 'bad_input', message: 'Open the ticket in this window first.' });
      return send('followups/insert', { incidentId, externalId, tabId });
    },
    onSuccess: (result) => setMessage(result.inserted
      ? 'Resolution update inserted into the reply. Review it, then send it from your help desk.'
      : result.reason ?? 'The reply editor did not accept the text.'),
  });
  const busy = done.isPending ? done.variables : insert.isPending ? insert.variables : null;
  return (
    <FollowupQueue
      groups={groupsOf(state)}
      activeTicketId={active.data?.ticket?.attachment.externalId ?? null}
      onInsert={(incidentId, externalId) => insert.mutate({ incidentId, externalId })}
      onDone={(incidentId, externalId) => done.mutate({ incidentId, externalId })}
      busyKey={busy ? `${busy.incidentId} ${busy.externalId}` : null}
      message={message}
      error={errorInfo(done.error ?? insert.error)}
    />
  );
}
