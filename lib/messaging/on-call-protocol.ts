import { z } from 'zod';
import { escalationPathSchema, escalationSchema, userSchema } from '@/lib/incident-io/schemas';

const id = z.string().trim().min(1).max(100);

/** Paging on-call from the side panel (issue 12 §2): agent-only, never from help-desk pages. */
export const onCallProtocol = {
  /** What the Escalate form offers: the org's escalation paths and its users (first 250, filtered in the form). */
  'oncall/options': {
    access: 'agent', request: z.object({}).strict(),
    response: z.object({ paths: z.array(escalationPathSchema), users: z.array(userSchema) }),
  },
  'escalations/list': {
    access: 'agent', request: z.object({ incidentId: id }), response: z.object({ escalations: z.array(escalationSchema) }),
  },
  /** `idempotencyKey` is minted once per form: a retry of the same form never pages twice. */
  'escalations/create': {
    access: 'agent',
    request: z.object({
      incidentId: id,
      idempotencyKey: z.string().trim().min(8).max(100),
      title: z.string().trim().min(1).max(500),
      description: z.string().max(5000).optional(),
      escalationPathId: id.optional(),
      userIds: z.array(id).max(20).optional(),
    }).refine((r) => Boolean(r.escalationPathId) !== Boolean(r.userIds?.length), { message: 'Choose an escalation path or people, not both' }),
    response: z.object({ escalation: escalationSchema }),
  },
  /** Who is on call this minute, per schedule (final entries, after overrides). */
  'oncall/now': {
    access: 'agent', request: z.object({}).strict(),
    response: z.object({ schedules: z.array(z.object({ id: z.string(), name: z.string(), onCall: z.array(z.string()) })) }),
  },
} as const;
