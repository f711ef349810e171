import { z } from 'zod/mini';
import { incidentSchema, incidentStatusSchema, incidentTypeSchema, severitySchema } from '@/lib/incident-io/schemas';

/**
 * The message envelope and the shapes the background's caches share with the protocol. Apart from
 * protocol.ts (the background's router and the types) and in zod/mini, because the side panel
 * bundles these: it parses the caches it reads from storage and the envelope of every reply.
 */

export const openIncidentsSchema = z.object({
  incidents: z.array(incidentSchema),
  /** When the shared cache was last filled from incident.io (ms since epoch). */
  fetchedAt: z.nullable(z.number()),
  /** False while later pages of a large org are still loading. */
  complete: z._default(z.boolean(), true),
});
export type OpenIncidents = z.infer<typeof openIncidentsSchema>;

export const catalogSchema = z.object({
  statuses: z.array(incidentStatusSchema),
  severities: z.array(severitySchema),
  types: z.array(incidentTypeSchema),
});
export type Catalog = z.infer<typeof catalogSchema>;

/** Errors travel as data: `ErrorInfo` is the serialisable form of every failure. */
export const errorInfoSchema = z.object({
  kind: z.enum(['unauthorized', 'forbidden', 'not_found', 'validation', 'rate_limited', 'server', 'network',
    'timeout', 'malformed', 'not_configured', 'bad_input', 'not_allowed']),
  message: z.string(),
  requestId: z.optional(z.string()),
  fields: z.optional(z.record(z.string(), z.string())),
  retryAfterSeconds: z.optional(z.number()),
});

export const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorInfoSchema }),
]);
export type Envelope = z.infer<typeof envelopeSchema>;

/** `incidents/open`'s answer: the list, and when a revalidation failed, why (the list is then the cached one). */
export const openIncidentsReplySchema = z.object({
  ...openIncidentsSchema.shape,
  error: z.optional(errorInfoSchema),
});
export type OpenIncidentsReply = z.infer<typeof openIncidentsReplySchema>;
