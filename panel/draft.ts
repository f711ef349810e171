import type { DeclareSubmission } from '@/components/declare-form';
import type { DeclareDraft } from '@/lib/declare-draft';
import type { CreateIncidentPayload, IncidentStatus } from '@/lib/incident-io/schemas';
import type { StatusMapping } from '@/lib/incident-io/status-words';

export const newIdempotencyKey = () => `copilot-${crypto.randomUUID()}`;

/** The create payload for a submission; the start status comes from the org's mapping of the product words. */
export function createPayload(
  submission: DeclareSubmission,
  idempotencyKey: string,
  statuses: readonly IncidentStatus[],
  mapping: StatusMapping,
): CreateIncidentPayload {
  const startStatusId = mapping[submission.startAs] ?? undefined;
  return {
    idempotency_key: idempotencyKey,
    visibility: submission.visibility,
    name: submission.name,
    summary: submission.summary,
    severity_id: submission.severityId,
    incident_type_id: submission.incidentTypeId,
    // Only send a start status the org has; otherwise incident.io picks its default (triage).
    incident_status_id: statuses.some((s) => s.id === startStatusId) ? startStatusId : undefined,
    mode: 'standard',
    ...(submission.customFieldEntries?.length ? { custom_field_entries: submission.customFieldEntries } : {}),
  };
}

/** A draft the agent has typed into: never replaced without asking. */
export const draftHasText = (draft: Pick<DeclareDraft, 'name' | 'summary'>) => draft.name.trim() !== '' || draft.summary.trim() !== '';

/** How long a declaration waits before saying incident.io is slow, and before it stops waiting. */
export const DECLARE_WAIT_MS = { slowMs: 8_000, giveUpMs: 25_000 } as const;

/**
 * The declare wait. The e2e build alone lets a test shorten it (`globalThis.__copilotDeclareWait`,
 * set in the panel page) so a hang is tested in seconds with the same code path; production builds
 * drop the branch.
 */
export function declareWait(): { slowMs: number; giveUpMs: number } {
  if (import.meta.env.MODE === 'e2e') {
    const override = (globalThis as { __copilotDeclareWait?: { slowMs: number; giveUpMs: number } }).__copilotDeclareWait;
    if (override) return override;
  }
  return DECLARE_WAIT_MS;
}
