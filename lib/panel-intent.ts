import { z } from 'zod/mini';
import { isWebUrl } from '@/lib/web-url';

// zod/mini: the side panel parses stored intents with these (see lib/incident-io/schemas.ts).

/** Ticket links shown to the agent and stored in incident.io: web URLs only (never `javascript:`). */
const webUrl = z.url().check(z.maxLength(2000), z.refine(isWebUrl, 'Only http(s) URLs'));

/** Who wrote the ticket, as the desk shows it (the declare form's customer prefill). */
export const requesterSchema = z.object({
  email: z.optional(z.string().check(z.maxLength(320))),
  organisation: z.optional(z.string().check(z.maxLength(200))),
});
export type Requester = z.infer<typeof requesterSchema>;

export const ticketRefSchema = z.object({
  desk: z.string().check(z.maxLength(40)),
  id: z.string().check(z.maxLength(200)),
  subject: z.string().check(z.maxLength(1000)),
  url: webUrl,
  attachment: z.object({
    resourceType: z.enum(['zendesk_ticket', 'salesforce_case', 'arbitrary_url']),
    externalId: z.string().check(z.maxLength(2000)),
    title: z.string().check(z.maxLength(1000)),
    url: webUrl,
  }),
  requester: z.optional(requesterSchema),
});
export type TicketRef = z.infer<typeof ticketRefSchema>;

/** Text that arrives from web pages is bounded; the declare form shows it for the agent to confirm. */
export const declarePrefillSchema = z.object({
  name: z.optional(z.string().check(z.maxLength(500))),
  summary: z.optional(z.string().check(z.maxLength(20_000))),
  /**
   * Tickets to link to the incident once it is declared ("3 similar tickets: declare an incident?"):
   * the form lists them, and the agent's Declare is the confirmation.
   */
  linkTickets: z.optional(z.array(ticketRefSchema).check(z.maxLength(20))),
  /** The ticket's requester when declared from a ticket page: prefills a customer field. */
  requester: z.optional(requesterSchema),
});
export type DeclarePrefill = z.infer<typeof declarePrefillSchema>;

/** What the side panel should show next: set by a help-desk page, the context menu or the shortcut. */
export const panelIntentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('incident'), ref: z.string().check(z.maxLength(300)) }),
  z.object({ kind: z.literal('declare'), prefill: declarePrefillSchema }),
  z.object({ kind: z.literal('link-ticket'), ticket: ticketRefSchema, ref: z.optional(z.string().check(z.maxLength(300))) }),
]);
export type PanelIntent = z.infer<typeof panelIntentSchema>;
