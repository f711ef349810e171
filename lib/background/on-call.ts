import type { Handlers } from '@/lib/messaging/handle';
import { connectedClient } from './client';

/** A minute around now: who is on call at this moment. */
const WINDOW_MS = 60_000;

export const onCallHandlers: Pick<Handlers, 'oncall/options' | 'escalations/list' | 'escalations/create' | 'oncall/now'> = {
  'oncall/options': async () => {
    const client = await connectedClient();
    const [paths, users] = await Promise.all([client.listEscalationPaths(), client.listUsers()]);
    return { paths, users: users.users };
  },
  'escalations/list': async ({ incidentId }) => ({ escalations: await (await connectedClient()).listEscalations(incidentId) }),
  'escalations/create': async (request) => {
    const escalation = await (await connectedClient()).createEscalation({
      idempotency_key: request.idempotencyKey,
      title: request.title,
      incident_id: request.incidentId,
      ...(request.description ? { description: request.description } : {}),
      ...(request.escalationPathId ? { escalation_path_id: request.escalationPathId } : {}),
      ...(request.userIds?.length ? { user_ids: request.userIds } : {}),
    });
    return { escalation };
  },
  'oncall/now': async () => {
    const client = await connectedClient();
    const now = Date.now();
    const schedules = await client.listSchedules();
    const entries = await Promise.all(schedules.map((s) => client.listScheduleEntries(s.id, new Date(now), new Date(now + WINDOW_MS))));
    return {
      schedules: schedules.map((schedule, i) => ({
        id: schedule.id,
        name: schedule.name,
        onCall: [...new Set((entries[i] ?? [])
          .filter((e) => Date.parse(e.start_at) <= now && Date.parse(e.end_at) > now)
          .map((e) => e.user?.name ?? 'Someone'))],
      })),
    };
  },
};
