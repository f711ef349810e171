import { z } from 'zod/mini';
import type { FieldValue } from '@/lib/incident-io/custom-field-values';
import { requesterSchema, ticketRefSchema } from '@/lib/panel-intent';

/** One custom field's value in the draft (see FieldValue): plain data, so storage keeps it. */
const id = z.string().check(z.maxLength(200));
export const fieldValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('options'), optionIds: z.array(id).check(z.maxLength(100)) }),
  z.object({ kind: z.literal('catalog'), entries: z.array(z.object({ id, name: z.string().check(z.maxLength(500)) })).check(z.maxLength(100)) }),
  z.object({ kind: z.literal('text'), text: z.string().check(z.maxLength(10_000)) }),
]);
// The draft's schema and the payload builder's type are one shape.
fieldValueSchema satisfies z.ZodMiniType<FieldValue>;

/**
 * What the agent has typed into the declare form so far. Stored (lib/storage.ts) so it survives closing
 * the panel; the form (components/) and the Declare view (panel/) both use this one shape.
 */
export const declareDraftSchema = z.object({
  name: z.string(),
  summary: z.string(),
  /** '' = no severity. */
  severityId: z.string(),
  /** '' = the org's default type. */
  incidentTypeId: z.string(),
  startAs: z.enum(['triage', 'active']),
  isPrivate: z.boolean(),
  /** Custom field values by field id; a field left untouched has none. */
  customFields: z.optional(z.record(z.string(), fieldValueSchema)),
  /**
   * The ticket's requester when declared from a ticket page: the form prefills an empty
   * catalog-backed customer field with the matching catalog entry.
   */
  requester: z.optional(requesterSchema),
});
export type DeclareDraft = z.infer<typeof declareDraftSchema>;

export const EMPTY_DECLARE_DRAFT: DeclareDraft = {
  name: '',
  summary: '',
  severityId: '',
  incidentTypeId: '',
  startAs: 'triage',
  isPrivate: false,
};

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
  offer: z.optional(z.object({
    name: z.string(), summary: z.string(), severityId: z.string(), linkTickets: z.optional(z.array(ticketRefSchema)),
    requester: z.optional(requesterSchema),
  })),
  /** Tickets to link once declared (a spike of similar tickets); listed under the form. */
  linkTickets: z.optional(z.array(ticketRefSchema)),
});
export type StoredDraft = z.infer<typeof storedDraftSchema>;
