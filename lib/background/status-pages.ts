import { isIncidentIoError } from '@/lib/incident-io/errors';
import type { Handlers } from '@/lib/messaging/handle';
import { connectedClient } from './client';
import { relistIncident } from './incident-links';

/** Failures after which the update may or may not have been published. */
const UNKNOWN_OUTCOME = new Set(['timeout', 'network', 'server', 'malformed']);

export const statusPageHandlers: Pick<Handlers, 'statuspages/list' | 'statuspages/for-incident' | 'statuspages/publish' | 'statuspages/update'> = {
  'statuspages/list': async () => ({ statusPages: await (await connectedClient()).listStatusPages() }),
  'statuspages/for-incident': async ({ incidentId }) => {
    const client = await connectedClient();
    const [attachment] = await client.listAttachments({ incidentId, resourceType: 'statuspage_incident' });
    if (!attachment) return { statusPageIncident: null, statusPage: null };
    const [statusPageIncident, pages] = await Promise.all([client.getStatusPageIncident(attachment.resource.external_id), client.listStatusPages()]);
    return { statusPageIncident, statusPage: pages.find((p) => p.id === statusPageIncident.status_page_id) ?? null };
  },
  'statuspages/publish': async (request) => {
    const client = await connectedClient();
    const statusPageIncident = await client.createStatusPageIncident({
      idempotency_key: request.idempotencyKey, status_page_id: request.statusPageId, name: request.name,
      incident_status: request.status, message: request.message, notify_subscribers: request.notifySubscribers,
    });
    // Linked so the support loop (reply wording, follow-ups) finds it. A retry of the same form gets
    // the same status page incident back; if it was attached already, that's the link we wanted.
    const existing = await client.listAttachments({ incidentId: request.incidentId, resourceType: 'statuspage_incident' });
    if (!existing.some((a) => a.resource.external_id === statusPageIncident.id)) {
      await client.createAttachment({ incident_id: request.incidentId, resource: { resource_type: 'statuspage_incident', external_id: statusPageIncident.id } });
      await relistIncident(request.incidentId, client).catch(() => undefined);
    }
    return { statusPageIncident };
  },
  'statuspages/update': async (request) => {
    const client = await connectedClient();
    const startedAt = Date.now();
    try {
      const update = await client.createStatusPageIncidentUpdate({
        status_page_incident_id: request.statusPageIncidentId, message: request.message,
        incident_status: request.status, notify_subscribers: request.notifySubscribers,
      });
      return { update, recovered: false };
    } catch (error) {
      if (!isIncidentIoError(error) || !UNKNOWN_OUTCOME.has(error.kind)) throw error;
      // The endpoint has no idempotency key: look before offering a retry that could post it twice.
      const current = await client.getStatusPageIncident(request.statusPageIncidentId).catch(() => undefined);
      const landed = current?.updates.find((u) => u.message === request.message && Date.parse(u.published_at) >= startedAt - 60_000);
      if (landed) return { update: landed, recovered: true };
      throw error;
    }
  },
};
