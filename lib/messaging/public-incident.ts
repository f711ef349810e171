import { z } from 'zod/mini';
import type { Incident, IncidentUpdate } from '@/lib/incident-io/schemas';

/**
 * What a help-desk page may know about an incident: what the strip, the hover card and the
 * suggestions show, nothing more. incident.io's "public" means visible to the whole organisation,
 * not customer-safe, so summary, call URL, Slack channel, roles, creator and their emails stay in
 * the background. The router parses every help-desk reply with these schemas (objects strip
 * undeclared keys), so a field added to `Incident` later can't reach a page by accident.
 */
export const publicIncidentSchema = z.object({
  id: z.string(),
  reference: z.string(),
  name: z.string(),
  incident_status: z.object({ name: z.string(), category: z.string() }),
  severity: z.nullable(z.object({ name: z.string(), rank: z.number() })),
  mode: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  /** Null when not read (the open list) or when there is none. */
  latest_update: z.nullable(z.object({ message: z.nullable(z.string()), created_at: z.string() })),
  /**
   * Whose incident this is, only when the agent connected several workspaces (issue 12 §4): its
   * workspace's name, and whether that is the active one. References collide across organisations
   * (INC-1 in both), so a page acts (open, insert update) only on the active workspace's incidents.
   */
  workspace: z.optional(z.object({ name: z.string().check(z.maxLength(200)), active: z.boolean() })),
});
export type PublicIncident = z.infer<typeof publicIncidentSchema>;

/** The projection of a public incident (the caller has checked visibility), with its latest update if read. */
export function toPublicIncident(incident: Incident, latest: IncidentUpdate | null = null): PublicIncident {
  const { id, reference, name, incident_status, severity, mode, created_at, updated_at } = incident;
  return {
    id, reference, name, mode, created_at, updated_at,
    incident_status: { name: incident_status.name, category: incident_status.category },
    severity: severity ? { name: severity.name, rank: severity.rank } : null,
    latest_update: latest ? { message: latest.message?.trim() || null, created_at: latest.created_at } : null,
  };
}
