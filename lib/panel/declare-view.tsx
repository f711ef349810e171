import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type DeclareDraft, DeclareForm, type DeclareSubmission, EMPTY_DECLARE_DRAFT } from '@/components/declare-form';
import { send } from '@/lib/messaging/send';
import { declareDraftItem } from '@/lib/storage';
import type { TicketRef } from '@/lib/panel-intent';
import { createPayload, newIdempotencyKey, type StoredDraft } from './draft';
import { attachmentPayload } from './link-ticket';
import { errorInfo } from './errors';
import { useOrg } from './use-org';

/** Loads the persisted draft once and writes every change back, so nothing typed is ever lost. */
function usePersistentDraft() {
  const [stored, setStored] = useState<StoredDraft | null | undefined>(undefined);
  useEffect(() => {
    void declareDraftItem.get().then((value) => setStored((current) => current ?? value));
    return declareDraftItem.watch((value) => setStored(value));
  }, []);
  const save = (next: StoredDraft | null) => {
    setStored(next);
    void declareDraftItem.set(next);
  };
  return { stored, save };
}

export function DeclareView() {
  const queryClient = useQueryClient();
  const org = useOrg();
  const { stored, save } = usePersistentDraft();
  const [created, setCreated] = useState<{ reference: string; permalink?: string } | null>(null);
  const [linked, setLinked] = useState<{ reference: string; done: number; failed: TicketRef[] } | null>(null);
  const declare = useMutation({
    mutationFn: ({ submission, key }: { submission: DeclareSubmission; key: string }) =>
      send('incidents/create', { payload: createPayload(submission, key, org.statuses, org.mapping) }),
    onSuccess: async ({ incident }) => {
      const toLink = stored?.linkTickets ?? [];
      save(null);
      setCreated({ reference: incident.reference, permalink: incident.permalink });
      await queryClient.invalidateQueries({ queryKey: ['incidents'] });
      // The tickets the form listed: declaring was the agent's confirmation. One at a time, and a
      // failed one is named rather than retried behind the agent's back.
      const failed: TicketRef[] = [];
      for (const ticket of toLink) {
        await send('attachments/create', attachmentPayload(incident.id, ticket)).catch(() => failed.push(ticket));
      }
      if (toLink.length) {
        setLinked({ reference: incident.reference, done: toLink.length - failed.length, failed });
        await queryClient.invalidateQueries({ queryKey: ['attachments'] });
      }
    },
  });

  if (stored === undefined) return null;
  if (!org.capabilities?.canCreate) {
    return <p className="notice">{org.capabilities?.createReason ?? 'Connect an incident.io API key in Settings first.'}</p>;
  }
  const draft = stored?.draft ?? EMPTY_DECLARE_DRAFT;
  const error = errorInfo(declare.error);
  const toLink = stored?.linkTickets ?? [];
  return (
    <>
    <DeclareForm
      draft={draft}
      onDraftChange={(next: DeclareDraft) => {
        setCreated(null);
        save({ ...stored, draft: next, idempotencyKey: stored?.idempotencyKey ?? newIdempotencyKey() });
      }}
      severities={org.severities}
      incidentTypes={org.types}
      fieldErrors={error?.kind === 'validation' ? error.fields : undefined}
      error={error}
      busy={declare.isPending}
      onSubmit={(submission) => {
        const key = stored?.idempotencyKey ?? newIdempotencyKey();
        if (!stored) save({ draft, idempotencyKey: key });
        declare.mutate({ submission, key });
      }}
      onDiscard={() => {
        declare.reset();
        save(null);
      }}
      created={created}
      defaultOpen
    />
    {toLink.length > 0 && (
      <section aria-label="Tickets to link">
        <p>Declaring links {toLink.length === 1 ? 'this ticket' : `these ${toLink.length} tickets`} to the new incident:</p>
        <ul>{toLink.map((t) => <li key={t.url}>{t.attachment.title}</li>)}</ul>
      </section>
    )}
    {linked && (
      <p role="status">
        {`${linked.done} ${linked.done === 1 ? 'ticket' : 'tickets'} linked to ${linked.reference}`}
        {linked.failed.length > 0 && `; not linked: ${linked.failed.map((t) => t.attachment.title).join(', ')}`}
      </p>
    )}
    </>
  );
}
