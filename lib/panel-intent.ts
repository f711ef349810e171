import { z } from 'zod';

/** Ticket links shown to the agent and stored in incident.io: web URLs only (never `javascript:`). */
const webUrl = z.string().url().max(2000).refine((url) => /^https?:\/\//i.test(url), 'Only http(s) URLs');

/** Text that arrives from web pages is bounded; the declare form shows it for the agent to confirm. */
export const declarePrefillSchema = z.object({
  name: z.string().max(500).optional(),
  summary: z.string().max(20_000).optional(),
});
export type DeclarePrefill = z.infer<typeof declarePrefillSchema>;

export const ticketRefSchema = z.object({
  desk: z.string().max(40),
  id: z.string().max(200),
  subject: z.string().max(1000),
  url: webUrl,
  attachment: z.object({
    resourceType: z.enum(['zendesk_ticket', 'salesforce_case', 'arbitrary_url']),
    externalId: z.string().max(2000),
    title: z.string().max(1000),
    url: webUrl,
  }),
});
export type TicketRef = z.infer<typeof ticketRefSchema>;

/** What the side panel should show next: set by a help-desk page, the context menu or the shortcut. */
export const panelIntentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('incident'), ref: z.string().max(300) }),
  z.object({ kind: z.literal('declare'), prefill: declarePrefillSchema }),
  z.object({ kind: z.literal('link-ticket'), ticket: ticketRefSchema, ref: z.string().max(300).optional() }),
]);
export type PanelIntent = z.infer<typeof panelIntentSchema>;
