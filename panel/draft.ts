import { z } from 'zod/mini';
import type { DeclareDraft, DeclareSubmission } from '@/components/declare-form';
import type { CreateIncidentPayload, IncidentStatus } from '@/lib/incident-io/schemas';
import type { StatusMapping } from '@/lib/incident-io/status-words';
import { ticketRefSchema } from '@/lib/panel-intent';

export const declareDraftSchema = z.object({
  name: z.string(),
  summary: z.string(),
  severityId: z.string(),
  incidentTypeId: z.string(),
  startAs: z.enum(['triage', 'active']),
  isPrivate: z.boolean(),
}) satisfies z.ZodMiniType<DeclareDraft>;

/**
 * A draft and the idempotency key it will be declared with. The key is made with the draft and kept
 * through every retry and edit until the declaration succeeds or is discarded, so however often the
 * agent presses Declare (or the network fails after incident.io accepted it), one incident results.
 */
export const storedDraftSchema = z.object({
  draft: declareDraftSchema,
  idempotencyKey: z.string().check(z.minLength(1)),
  /**
   * Text offered while the agent had a draft (context menu, shortcut, Copilot): it replaces the
   * draft only when the agent says so.
   */
  offer: z.optional(z.object({ name: z.string(), summary: z.string(), severityId: z.string(), linkTickets: z.optional(z.array(ticketRefSchema)) })),
  /** Tickets to link once declared (a spike of similar tickets); listed under the form. */
  linkTickets: z.optional(z.array(ticketRefSchema)),
});
export type StoredDraft = z.infer<typeof storedDraftSchema>;

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
