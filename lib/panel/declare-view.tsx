import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type DeclareDraft, DeclareForm, type DeclareSubmission, EMPTY_DECLARE_DRAFT } from '@/components/declare-form';
import { managedDeclareDefaults, WRITES_NOT_ALLOWED_MESSAGE } from '@/lib/managed';
import { send } from '@/lib/messaging/send';
import { declareDraftItem } from '@/lib/storage';
import { createPayload, newIdempotencyKey, type StoredDraft } from './draft';
import { errorInfo } from './errors';
import { useManagedConfig } from './use-managed';
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
  const managed = useManagedConfig();
  const { stored, save } = usePersistentDraft();
  const [created, setCreated] = useState<{ reference: string; permalink?: string } | null>(null);
  const declare = useMutation({
    mutationFn: ({ submission, key }: { submission: DeclareSubmission; key: string }) =>
      send('incidents/create', { payload: createPayload(submission, key, org.statuses, org.mapping) }),
    onSuccess: async ({ incident }) => {
      save(null);
      setCreated({ reference: incident.reference, permalink: incident.permalink });
      await queryClient.invalidateQueries({ queryKey: ['incidents'] });
    },
  });

  if (stored === undefined) return null;
  if (managed.allowWrites === false) return <p className="notice">{WRITES_NOT_ALLOWED_MESSAGE}</p>;
  if (!org.capabilities?.canCreate) {
    return <p className="notice">{org.capabilities?.createReason ?? 'Connect an incident.io API key in Settings first.'}</p>;
  }
  // A new draft starts from the organisation's default severity and type, if its policy sets them.
  const draft = stored?.draft ?? { ...EMPTY_DECLARE_DRAFT, ...managedDeclareDefaults(managed, org.severities, org.types) };
  const error = errorInfo(declare.error);
  return (
    <DeclareForm
      draft={draft}
      onDraftChange={(next: DeclareDraft) => {
        setCreated(null);
        save({ draft: next, idempotencyKey: stored?.idempotencyKey ?? newIdempotencyKey() });
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
  );
}
