import { AppError } from '@/lib/app-error';
import { connectionView } from '@/lib/connection';
import { validateBaseUrl } from '@/lib/incident-io/base-url';
import { createIncidentIoClient } from '@/lib/incident-io/client';
import { parseIncidentRef, pathIdFor } from '@/lib/incident-io/reference';
import type { Incident } from '@/lib/incident-io/schemas';
import { checkStatusMove, resolveTarget } from '@/lib/incident-io/status-words';
import type { CallContext, Handlers } from '@/lib/messaging/handle';
import type { Connection, OpenIncidentsReply } from '@/lib/messaging/protocol';
import { settingsSchema } from '@/lib/settings';
import { effectiveStatusMapping } from '@/lib/status-mapping';
import {
  apiKeyItem, catalogItem, connectionItem, openIncidentsItem, panelIntentItem, pollBaselineItem, settingsItem,
} from '@/lib/storage';
import { getCatalog } from './catalog';
import { connectedClient } from './client';
import {
  cachedOpenIncidents, publicOnly, readOpenIncidents, refreshOpenIncidents, revalidateOpenIncidents,
} from './open-incidents';
import { acknowledge, syncNow } from './poller';
import { toPublicIncident } from '@/lib/messaging/public-incident';
import { activeTab, notifyHelpdeskTabs, readTicketTab, webUrl } from './helpdesk-tab';
import { incidentCard } from './incident-card';
import { insertStatusUpdate } from './reply-insert';
import { onCallHandlers } from './on-call';
import { openSidePanel } from './side-panel';
import { linksForTicket, relistIncident } from './incident-links';
import { writeTicketCount } from './ticket-count';
import { followupDone, followupsForTicket, insertResolutionUpdate, insertedFromTicket } from './followup-actions';
import { statusPageHandlers } from './status-pages';
import { disableSite, enabledSites, enableSite } from './site-access';
import { activeSnoozes, snoozeIncident } from './snooze';
import { toggleWatch, watch, watchedIds } from './watch';

const NOT_FOUND_MESSAGE = 'Incident not found: confirm the incident ID is correct. incident.io IDs look like INC-123.';

async function currentConnection(): Promise<Connection> {
  const [apiKey, connection] = await Promise.all([apiKeyItem.get(), connectionItem.get()]);
  return connectionView(connection, Boolean(apiKey));
}

async function forgetOrgData() {
  // A new org's incidents must not all look freshly declared to the poller.
  await Promise.all([openIncidentsItem.remove(), catalogItem.remove(), pollBaselineItem.remove()]);
}

async function getIncident(ref: string, ctx: CallContext) {
  const parsed = parseIncidentRef(ref);
  if (!parsed) throw new AppError({ kind: 'bad_input', message: NOT_FOUND_MESSAGE });
  const incident = await (await connectedClient()).getIncident(pathIdFor(parsed));
  // A private incident is "not found" for a help-desk page, exactly as for a key without access.
  if (ctx.level === 'helpdesk' && incident.visibility !== 'public') {
    throw new AppError({ kind: 'not_found', message: NOT_FOUND_MESSAGE });
  }
  return incident;
}

/**
 * Refresh everyone's view after a write (panel, badge, help-desk tabs: the refresh's effects), without
 * notifying the agent about their own change. A refresh already in flight was sent before the write,
 * so a new one follows it.
 */
async function afterOwnWrite(incident: Incident) {
  await acknowledge(incident);
  void refreshOpenIncidents(Date.now, Date.now()).catch(() => undefined);
}

/**
 * After a link or unlink: the incident's links re-read at once (every view shows the change) and,
 * when the org keeps one, the ticket count written back. Neither may fail the link itself.
 */
async function recount(incidentId: string, client: Awaited<ReturnType<typeof connectedClient>>) {
  try {
    await writeTicketCount(client, incidentId, await relistIncident(incidentId, client));
  } catch {
    // The link stands; the next link or unlink writes the count again.
  }
}

async function pollMaxAgeMs() {
  return (await settingsItem.get()).pollIntervalSeconds * 1000;
}

export const handlers: Handlers = {
  'incidents/open': async ({ revalidate }, ctx) => {
    const open = revalidate ? await revalidateOpenIncidents() : await cachedOpenIncidents(await pollMaxAgeMs());
    return ctx.level === 'agent' ? open : { ...open, incidents: publicOnly(open.incidents).map((incident) => toPublicIncident(incident)) };
  },
  // A manual refresh ignores back-off and also updates the badge and notifications.
  'incidents/refresh': () => syncNow(),
  'incidents/fill': async ({ revalidate }) => {
    const open: OpenIncidentsReply = revalidate ? await revalidateOpenIncidents() : await readOpenIncidents(await pollMaxAgeMs());
    return { fetchedAt: open.fetchedAt, complete: open.complete, ...(open.error ? { error: open.error } : {}) };
  },
  'incidents/get': async ({ ref }, ctx) => {
    const incident = await getIncident(ref, ctx);
    return ctx.level === 'agent' ? { incident } : { incident: toPublicIncident(incident) };
  },
  'incidents/updates': async ({ incidentId }, ctx) => {
    if (ctx.level !== 'agent') await getIncident(incidentId, ctx);
    return { updates: await (await connectedClient()).listIncidentUpdates(incidentId) };
  },
  'incidents/create': async ({ payload }) => {
    const incident = await (await connectedClient()).createIncident(payload);
    await afterOwnWrite(incident);
    return { incident };
  },
  'incidents/set-status': async ({ incidentId, target, notify }) => {
    const client = await connectedClient();
    const [incident, catalog, settings] = await Promise.all([
      client.getIncident(incidentId), getCatalog(), settingsItem.get(),
    ]);
    const mapping = effectiveStatusMapping(catalog.statuses, settings.statusMapping);
    // The side panel sends a status id for the org's own statuses, a product word otherwise.
    const byId = catalog.statuses.find((status) => status.id === target);
    const resolved = byId ? { status: byId } : resolveTarget(target, catalog.statuses, mapping);
    if ('error' in resolved) throw new AppError({ kind: 'bad_input', message: resolved.error });
    const move = checkStatusMove(incident.incident_status, resolved.status, incident.reference);
    if (!move.allowed) throw new AppError({ kind: 'not_allowed', message: move.reason });
    const updated = await client.editIncident(incident.id, {
      incident: { incident_status_id: resolved.status.id },
      notify_incident_channel: notify,
    });
    await afterOwnWrite(updated);
    return { incident: updated };
  },
  'catalog/get': () => getCatalog(),
  'connection/get': () => currentConnection(),
  'connection/connect': async (request) => {
    const url = validateBaseUrl(request.baseUrl);
    if (!url.ok) throw new AppError({ kind: 'bad_input', message: url.message });
    const apiKey = request.apiKey || (await apiKeyItem.get());
    if (!apiKey) throw new AppError({ kind: 'bad_input', message: 'Enter your incident.io API key.' });
    // Validate before storing: a key that can't read its own identity is never saved.
    const identity = await createIncidentIoClient({ baseUrl: url.url, apiKey }).identity();
    await forgetOrgData();
    await apiKeyItem.set(apiKey);
    await connectionItem.set({ baseUrl: url.url, identity });
    void refreshOpenIncidents().catch(() => undefined);
    return currentConnection();
  },
  'connection/disconnect': async () => {
    // Identity first: the side panel reads "connected" from the stored identity (see lib/connection.ts).
    await connectionItem.set({ ...(await connectionItem.get()), identity: null });
    await apiKeyItem.remove();
    await forgetOrgData();
    return currentConnection();
  },
  'settings/get': () => settingsItem.get(),
  'settings/update': async (changes) => {
    const next = settingsSchema.parse({ ...(await settingsItem.get()), ...changes });
    await settingsItem.set(next);
    return next;
  },
  'attachments/list': async ({ externalId, incidentId }, ctx) => {
    if (ctx.level !== 'agent' && !externalId) {
      throw new AppError({ kind: 'not_allowed', message: 'Help-desk pages can only look up their own ticket.' });
    }
    if (ctx.level === 'agent') return { attachments: await (await connectedClient()).listAttachments({ externalId, incidentId }) };
    const maxAgeMs = await pollMaxAgeMs();
    const attachments = await linksForTicket(externalId!, maxAgeMs, async () => (await readOpenIncidents(maxAgeMs)).incidents);
    const visible = new Set(publicOnly((await readOpenIncidents(await pollMaxAgeMs())).incidents).map((i) => i.id));
    return { attachments: attachments.filter((attachment) => visible.has(attachment.incident_id)) };
  },
  'attachments/create': async (payload) => {
    const client = await connectedClient();
    const attachment = await client.createAttachment(payload);
    await recount(attachment.incident_id, client);
    // A ticket linked from this browser watches its incident.
    await watch(attachment.incident_id);
    void notifyHelpdeskTabs();
    return { attachment };
  },
  'attachments/delete': async ({ id, incidentId }) => {
    const client = await connectedClient();
    await client.deleteAttachment(id);
    if (incidentId) await recount(incidentId, client);
    void notifyHelpdeskTabs();
    return {};
  },
  'watch/toggle': async ({ incidentId }) => ({ watched: await toggleWatch(incidentId) }),
  'watch/list': async () => ({ incidentIds: [...(await watchedIds())], snoozedUntil: await activeSnoozes(Date.now()) }),
  'snooze/set': async ({ incidentId, minutes }) => ({ until: await snoozeIncident(incidentId, minutes, Date.now()) }),
  'panel/open': async (intent, ctx) => {
    await panelIntentItem.set(intent);
    return { opened: await openSidePanel(ctx.tabId) };
  },
  'panel/take-intent': async () => {
    const intent = await panelIntentItem.get();
    await panelIntentItem.remove();
    return { intent };
  },
  'declare/prefill': async (prefill) => {
    await panelIntentItem.set({ kind: 'declare', prefill });
    return {};
  },
  'helpdesk/active-tab': async ({ windowId }) => {
    const tab = await activeTab(windowId);
    const read = tab?.id === undefined ? null : await readTicketTab(tab.id);
    return { tabId: tab?.id ?? null, url: webUrl(tab?.url), ticket: read?.ticket ?? null };
  },
  'reply/insert': ({ incidentId, tabId }) => insertStatusUpdate(incidentId, tabId),
  'sites/list': async () => ({ sites: await enabledSites() }),
  'sites/enable': async ({ url, tabId }) => ({ sites: await enableSite(url, tabId) }),
  'sites/disable': async ({ origin }) => ({ sites: await disableSite(origin) }),
  'followups/done': async ({ incidentId, externalId }) => {
    await followupDone(incidentId, externalId);
    return {};
  },
  'followups/insert': ({ incidentId, externalId, tabId }) => insertResolutionUpdate(incidentId, externalId, tabId),
  'followups/ticket': async ({ externalId }, ctx) => ({ followups: await followupsForTicket(externalId, ctx) }),
  'followups/inserted': async ({ incidentId, externalId }, ctx) => {
    await insertedFromTicket(incidentId, externalId, ctx);
    return {};
  },
  // Two calls: the incident (which proves it public for a page), then the verified id's updates.
  'incidents/card': async ({ ref }, ctx) => {
    const incident = await getIncident(ref, ctx);
    return incidentCard(incident, await (await connectedClient()).listIncidentUpdates(incident.id));
  },
  ...onCallHandlers,
  ...statusPageHandlers,
};

