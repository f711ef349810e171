import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ConfirmCard } from '@/components/confirm-card';
import { DeclareForm, type DeclareSubmission } from '@/components/declare-form';
import { type DeclareDraft, EMPTY_DECLARE_DRAFT, type StoredDraft } from '@/lib/declare-draft';
import { DECLARE_WAIT, type ErrorInfo } from '@/lib/incident-io/errors';
import { fieldIdForErrorPath } from '@/lib/incident-io/custom-field-values';
import type { CreateIncidentPayload, CustomFieldEntryPayload } from '@/lib/incident-io/schemas';
import { managedDeclareDefaults, WRITES_NOT_ALLOWED_MESSAGE } from '@/lib/managed';
import { send } from '@/lib/messaging/send';
import { queries } from '@/lib/queries/keys';
import { declareDraftItem } from '@/lib/storage';
import type { TicketRef } from '@/lib/panel-intent';
import { createPayload, declareWait, newIdempotencyKey } from './draft';
import { attachmentPayload } from './link-ticket';
import { errorInfo } from './errors';
import { draftFromOffer } from './intents';
import { useManagedConfig } from './use-managed';
import { useOrg } from './use-org';

/** Key order and absent keys don't make two drafts different (storage hands back a parsed copy). */
export function sameDraft(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([x], [y]) => (x < y ? -1 : 1)))
      : v));
  return canonical(a) === canonical(b);
}

/**
 * Loads the persisted draft once and writes every change back, so nothing typed is ever lost.
 * Storage tells every watcher about every write, ours included, after the fact: while the agent
 * types, the echo of keystroke n arrives after keystroke n+1 and would put the older text back
 * ("Frfo dcared his"). So our own writes still on their way are recognised and skipped; only
 * changes made elsewhere (a prefill offer, another panel) replace what is on screen.
 */
export function usePersistentDraft() {
  const [stored, setStored] = useState<StoredDraft | null | undefined>(undefined);
  const pending = useRef<(StoredDraft | null)[]>([]);
  useEffect(() => {
    void declareDraftItem.get().then((value) => setStored((current) => current ?? value));
    return declareDraftItem.watch((value) => {
      const own = pending.current.findIndex((written) => sameDraft(written, value));
      if (own >= 0) {
        pending.current.splice(0, own + 1);
        return;
      }
      pending.current = [];
      setStored(value);
    });
  }, []);
  const save = useCallback((next: StoredDraft | null) => {
    setStored(next);
    pending.current.push(next);
    // Bounded: a write storage never echoes (same value twice) must not keep its slot for ever.
    if (pending.current.length > 50) pending.current.shift();
    void declareDraftItem.set(next);
  }, []);
  return { stored, save };
}

/**
 * A 422's fields split into the custom fields they name (by the entries' positions in what was
 * sent) and the rest (keyed by payload field, shown by the form as before).
 */
export function splitFieldErrors(fields: Record<string, string> | undefined, sent: readonly CustomFieldEntryPayload[]) {
  const custom: Record<string, string> = {};
  const other: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields ?? {})) {
    const fieldId = fieldIdForErrorPath(path, sent);
    if (fieldId) custom[fieldId] = custom[fieldId] ? `${custom[fieldId]}; ${message}` : message;
    else other[path] = message;
  }
  return { custom, other };
}

type Attempt = { phase: 'idle' } | { phase: 'waiting'; slow: boolean } | { phase: 'failed'; error: ErrorInfo };

/**
 * Declares, and says what is going on when incident.io is slow: after `slowMs` that it is slow and
 * nothing will be declared twice; after `giveUpMs` it stops waiting (an alert, the draft kept, Declare
 * enabled again with the same idempotency key). An answer that arrives later still shows the incident.
 */
function useDeclare(onCreated: (created: { id: string; reference: string; permalink?: string }, key: string) => Promise<void>) {
  const [attempt, setAttempt] = useState<Attempt>({ phase: 'idle' });
  const current = useRef(0);
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);
  const clearTimers = () => {
    for (const timer of timers.current) clearTimeout(timer);
    timers.current = [];
  };
  useEffect(() => clearTimers, []);

  const declare = (payload: CreateIncidentPayload, key: string) => {
    const id = ++current.current;
    const wait = declareWait();
    clearTimers();
    setAttempt({ phase: 'waiting', slow: false });
    const mine = (update: () => void) => () => {
      if (current.current === id) update();
    };
    timers.current = [
      setTimeout(mine(() => setAttempt({ phase: 'waiting', slow: true })), wait.slowMs),
      setTimeout(mine(() => setAttempt({ phase: 'failed', error: DECLARE_WAIT.gaveUp(wait.giveUpMs) })), wait.giveUpMs),
    ];
    send('incidents/create', { payload }).then(
      // Any attempt's answer counts, however late: every attempt carries the draft's one key.
      async ({ incident }) => {
        clearTimers();
        setAttempt({ phase: 'idle' });
        await onCreated({ id: incident.id, reference: incident.reference, permalink: incident.permalink }, key);
      },
      (error: unknown) => {
        if (current.current !== id) return;
        clearTimers();
        // A failure after giving up says nothing new: the give-up alert already asks to retry.
        setAttempt((now) => (now.phase === 'failed' ? now : { phase: 'failed', error: errorInfo(error)! }));
      },
    );
  };
  const reset = () => {
    current.current += 1;
    clearTimers();
    setAttempt({ phase: 'idle' });
  };
  return { attempt, declare, reset };
}

export function DeclareView() {
  const queryClient = useQueryClient();
  const org = useOrg();
  const managed = useManagedConfig();
  const { stored, save } = usePersistentDraft();
  // After the form's first paint: the query runs once the view has mounted.
  const fields = useQuery({ ...queries.customFields(), enabled: stored !== undefined && org.capabilities?.canCreate === true });
  const sent = useRef<CustomFieldEntryPayload[]>([]);
  const searchCatalog = useCallback(
    (catalogTypeId: string, query: string) => queryClient.fetchQuery(queries.catalogSearch(catalogTypeId, query)),
    [queryClient],
  );
  usePrefillCustomer(stored, fields.data, save);
  const [created, setCreated] = useState<{ reference: string; permalink?: string } | null>(null);
  const [linked, setLinked] = useState<{ reference: string; done: number; failed: TicketRef[] } | null>(null);
  const { attempt, declare, reset } = useDeclare(async (incident, key) => {
    const current = await declareDraftItem.get();
    const toLink = current?.idempotencyKey === key ? (current.linkTickets ?? []) : [];
    // The draft goes only if it is still the one declared (not replaced meanwhile).
    if (current?.idempotencyKey === key) save(null);
    setCreated({ reference: incident.reference, permalink: incident.permalink });
    await queryClient.invalidateQueries({ queryKey: queries.allIncidents().queryKey });
    // The tickets the form listed: declaring was the agent's confirmation. One at a time, and a
    // failed one is named rather than retried behind the agent's back.
    const failed: TicketRef[] = [];
    for (const ticket of toLink) {
      await send('attachments/create', attachmentPayload(incident.id, ticket)).catch(() => failed.push(ticket));
    }
    if (toLink.length) {
      setLinked({ reference: incident.reference, done: toLink.length - failed.length, failed });
      await queryClient.invalidateQueries({ queryKey: queries.allAttachments().queryKey });
    }
  });

  if (stored === undefined) return null;
  if (managed.allowWrites === false) return <p className="notice">{WRITES_NOT_ALLOWED_MESSAGE}</p>;
  if (!org.capabilities?.canCreate) {
    return <p className="notice">{org.capabilities?.createReason ?? 'Connect an incident.io API key in Settings first.'}</p>;
  }
  // A new draft starts from the organisation's default severity and type, if its policy sets them.
  const draft = stored?.draft ?? { ...EMPTY_DECLARE_DRAFT, ...managedDeclareDefaults(managed, org.severities, org.types) };
  const error = attempt.phase === 'failed' ? attempt.error : null;
  const fieldErrors = error?.kind === 'validation' ? splitFieldErrors(error.fields, sent.current) : undefined;
  const offer = stored?.offer;
  const toLink = stored?.linkTickets ?? [];
  return (
    <>
      {offer && stored && (
        <ConfirmCard
          title="Replace your draft?"
          details={[
            { label: 'Your draft', value: stored.draft.name || stored.draft.summary },
            { label: 'New text', value: offer.name || offer.summary },
          ]}
          confirmLabel="Replace draft"
          onConfirm={() => void draftFromOffer(offer).then(save)}
          onCancel={() => save({ draft: stored.draft, idempotencyKey: stored.idempotencyKey })}
        />
      )}
      <DeclareForm
        draft={draft}
        onDraftChange={(next: DeclareDraft) => {
          setCreated(null);
          save({ ...stored, draft: next, idempotencyKey: stored?.idempotencyKey ?? newIdempotencyKey() });
        }}
        severities={org.severities}
        incidentTypes={org.types}
        fieldErrors={fieldErrors?.other}
        customFieldErrors={fieldErrors?.custom}
        customFields={fields.data ?? (fields.isError ? [] : undefined)}
        searchCatalog={searchCatalog}
        error={error}
        busy={attempt.phase === 'waiting'}
        onSubmit={(submission: DeclareSubmission) => {
          const key = stored?.idempotencyKey ?? newIdempotencyKey();
          if (!stored) save({ draft, idempotencyKey: key });
          sent.current = submission.customFieldEntries ?? [];
          declare(createPayload(submission, key, org.statuses, org.mapping), key);
        }}
        onDiscard={() => {
          reset();
          save(null);
        }}
        created={created}
        dashboardUrl={org.connection.data?.identity?.dashboard_url}
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
      {attempt.phase === 'waiting' && attempt.slow && (
        <p role="status" className="notice">
          {DECLARE_WAIT.slow}
        </p>
      )}
    </>
  );
}

/**
 * Declared from a ticket page: an empty customer field gets the catalog entry matching the ticket's
 * requester (email domain, else organisation), once; the requester is then dropped from the draft.
 */
function usePrefillCustomer(
  stored: StoredDraft | null | undefined,
  fields: readonly { field: { id: string; catalog_type_id?: string }; customer: boolean }[] | undefined,
  save: (next: StoredDraft | null) => void,
) {
  const requester = stored?.draft.requester;
  const latest = useRef(stored);
  latest.current = stored;
  useEffect(() => {
    if (!requester || !fields) return;
    let cancelled = false;
    void (async () => {
      const found: Record<string, { kind: 'catalog'; entries: { id: string; name: string }[] }> = {};
      for (const { field, customer } of fields) {
        const current = latest.current?.draft.customFields?.[field.id];
        const empty = !current || (current.kind === 'catalog' && current.entries.length === 0);
        if (!customer || !field.catalog_type_id || !empty) continue;
        const { entry } = await send('catalog/requester', { catalogTypeId: field.catalog_type_id, requester }).catch(() => ({ entry: null }));
        if (entry) found[field.id] = { kind: 'catalog', entries: [entry] };
      }
      const now = latest.current;
      if (cancelled || !now) return;
      const { requester: _used, ...draft } = now.draft;
      save({ ...now, draft: { ...draft, customFields: { ...draft.customFields, ...found } } });
    })();
    return () => {
      cancelled = true;
    };
  }, [requester, fields, save]);
}
