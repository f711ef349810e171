import { z } from 'zod';
import { PUBLIC_STATUSES, statusPageIncidentSchema, statusPageIncidentUpdateSchema, statusPageSchema } from '@/lib/incident-io/schemas';

const id = z.string().trim().min(1).max(100);
const publicStatus = z.enum(PUBLIC_STATUSES);

/** Publishing to the organisation's status pages (issue 12 §3): agent-only writes. */
export const statusPageProtocol = {
  'statuspages/list': { access: 'agent', request: z.object({}).strict(), response: z.object({ statusPages: z.array(statusPageSchema) }) },
  /** The incident's status page incident (its `statuspage_incident` attachment), if any. */
  'statuspages/for-incident': {
    access: 'agent', request: z.object({ incidentId: id }),
    response: z.object({ statusPageIncident: z.nullable(statusPageIncidentSchema), statusPage: z.nullable(statusPageSchema) }),
  },
  /** Publishes (idempotency key, minted once per form), then attaches it to the incident. */
  'statuspages/publish': {
    access: 'agent',
    request: z.object({
      incidentId: id, idempotencyKey: z.string().trim().min(8).max(100), statusPageId: id,
      name: z.string().trim().min(1).max(500), status: publicStatus, message: z.string().trim().min(1).max(10_000), notifySubscribers: z.boolean(),
    }),
    response: z.object({ statusPageIncident: statusPageIncidentSchema }),
  },
  /**
   * No idempotency key exists for updates: after an unknown outcome the background re-reads the
   * status page incident and answers `recovered: true` if the update is there after all.
   */
  'statuspages/update': {
    access: 'agent',
    request: z.object({ statusPageIncidentId: id, message: z.string().trim().min(1).max(10_000), status: publicStatus, notifySubscribers: z.boolean() }),
    response: z.object({ update: statusPageIncidentUpdateSchema, recovered: z.boolean() }),
  },
} as const;
