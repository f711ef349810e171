import { AppError } from '@/lib/app-error';
import { connectionView } from '@/lib/connection';
import { customEndpointHost, validateBaseUrl } from '@/lib/incident-io/base-url';
import { REFUSALS } from '@/lib/incident-io/errors';
import { createIncidentIoClient } from '@/lib/incident-io/client';
import { parseIncidentRef, pathIdFor } from '@/lib/incident-io/reference';
import type { Incident } from '@/lib/incident-io/schemas';
import { checkStatusMove, resolveTarget } from '@/lib/incident-io/status-words';
import type { CallContext, Handlers } from '@/lib/messaging/handle';
import type { Connection, OpenIncidentsReply } from '@/lib/messaging/protocol';
import type { PanelIntent, TicketRef } from '@/lib/panel-intent';
import { settingsSchema } from '@/lib/settings';
import { effectiveStatusMapping } from '@/lib/status-mapping';
import {
  catalogItem, connectionItem, openIncidentsItem, panelIntentItem, pollBaselineItem, settingsItem,
} from '@/lib/storage';
import { getCatalog } from './catalog';
import { bumpGeneration } from './generation';
import { changingConnection, connectedClient } from './client';
import {
  cachedOpenIncidents, noteOwnWrite, parsedOpenIncidents, publicOnly, readOpenIncidents, refreshOpenIncidents, revalidateOpenIncidents,
} from './open-incidents';
import { acknowledge, syncNow } from './poller';
import { toPublicIncident } from '@/lib/messaging/public-incident';
import { activeTab, notifyHelpdeskTabs, readTicketTab, webUrl } from './helpdesk-tab';
import { incidentCard } from './incident-card';
import { injectHelpdeskUi } from './helpdesk-ui';
import { insertStatusUpdate } from './reply-insert';
import { onCallHandlers } from './on-call';
import { openSidePanel } from './side-panel';
import { linksForTicket, relistIncident } from './incident-links';
import { ticketCountHandlers, writeTicketCount } from './ticket-count';
import { followupDone, followupsForTicket, insertResolutionUpdate, insertedFromTicket } from './followup-actions';
import { statusPageHandlers } from './status-pages';
import { statusPageWording } from './status-page-wording';
import { customFieldHandlers } from './custom-fields';
import { disableSite, enabledSites, enableSite } from './site-access';
import { activeSnoozes, snoozeIncident } from './snooze';
import { spikeDeclarePrefill, suggestionsForTicket } from './suggestions';
import { toggleWatch, watch, watchedIds } from './watch';
import { apiKeyItem, closeKeyStorage } from './key-storage';
import { createLookupLimit } from './lookup-limit';
import { claimMatchesTab, sameOriginAsTab } from './ticket-claim';
import { managedBaseUrl, readManagedConfig } from '@/lib/managed';
import { activeWorkspaceLabel, helpdeskOpenIncidents, readWorkspaces, workspaceHandlers } from './workspaces';

const NOT_FOUND_MESSAGE = 'Incident not found: confirm the incident ID is correct. incident.io IDs look like INC-123.';

async function currentConnection(): Promise<Connection> {
  const [apiKey, connection] = await Promise.all([apiKeyItem.get(), connectionItem.get()]);
  return connectionView(connection, Boolean(apiKey));
}

async function forgetOrgData() {
  // A refresh in flight with the previous key must not refill what is cleared here (generation.ts).
  bumpGeneration();
  // A new org's incidents must not all look freshly declared to the poller.
  await Promise.all([openIncidentsItem.remove(), catalogItem.remove(), pollBaselineItem.remove()]);
}

const pageLookups = createLookupLimit();

/** A help-desk read that costs an incident.io call spends one token of its tab's bucket. */
function spendPageLookup(ctx: CallContext) {
  if (ctx.level !== 'helpdesk') return;
  const wait = pageLookups.take(ctx.tabId ?? -1);
  if (wait !== null) throw new AppError(REFUSALS.tooManyLookups(wait));
}

/** Public incidents a page looked up in the last minute: their timeline needs no second visibility check. */
const recentlyPublic = new Map<string, number>();
const RECENT_MS = 60_000;

function rememberPublic(id: string, now = Date.now()) {
  if (recentlyPublic.size > 500) {
    for (const [known, at] of recentlyPublic) if (now - at >= RECENT_MS) recentlyPublic.delete(known);
  }
  recentlyPublic.set(id, now);
}

async function getIncident(ref: string, ctx: CallContext) {
  const parsed = parseIncidentRef(ref);
  if (!parsed) throw new AppError({ kind: 'bad_input', message: NOT_FOUND_MESSAGE });
  spendPageLookup(ctx);
  const incident = await (await connectedClient()).getIncident(pathIdFor(parsed));
  if (incident.visibility === 'public') rememberPublic(incident.id);
  // A private incident is "not found" for a help-desk page, exactly as for a key without access.
  if (ctx.level === 'helpdesk' && incident.visibility !== 'public') {
    throw new AppError({ kind: 'not_found', message: NOT_FOUND_MESSAGE });
  }
  return incident;
}

/**
 * Everyone's view after a write (panels, badge, help-desk tabs): incident.io's answer folded into
 * the shared list at once, then a refresh for the rest, without notifying the agent about their own
 * change. A refresh already in flight was sent before the write, so a new one follows it.
 */
async function afterOwnWrite(incident: Incident) {
  // Queued now, so the refresh's alert diff (queued behind it) already knows this change; the
  // refresh's request need not wait for it.
  const acknowledged = acknowledge(incident);
  // Never fails the write itself: incident.io has acted, and the refresh brings the list anyway.
  await noteOwnWrite(incident).catch(() => undefined);
  void refreshOpenIncidents(Date.now, Date.now()).catch(() => undefined);
  await acknowledged;
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

/** One page of the list: a cold panel's first rows and its group counts, never the whole of a large org. */
const FIRST_ROWS_MAX = 250;

async function pollMaxAgeMs() {
  return (await settingsItem.get()).pollIntervalSeconds * 1000;
}

export const handlers: Handlers = {
  'incidents/open': async ({ revalidate }, ctx) => {
    const open = revalidate ? await revalidateOpenIncidents() : await cachedOpenIncidents(await pollMaxAgeMs());
    // Help-desk pages: public incidents only, with several workspaces every workspace's, labelled.
    return ctx.level === 'agent' ? open : { ...open, incidents: await helpdeskOpenIncidents(open.incidents) };
  },
  // A manual refresh ignores back-off and also updates the badge and notifications.
  'incidents/refresh': () => syncNow(),
  'incidents/fill': async ({ revalidate }) => {
    const open: OpenIncidentsReply = revalidate ? await revalidateOpenIncidents() : await readOpenIncidents(await pollMaxAgeMs());
    return { fetchedAt: open.fetchedAt, complete: open.complete, ...(open.error ? { error: open.error } : {}) };
  },
  'incidents/first-rows': async () => {
    const { incidents, fetchedAt, complete } = await parsedOpenIncidents();
    return {
      incidents: incidents.slice(0, FIRST_ROWS_MAX).map(({ reference, name, incident_status, visibility }) => (
        { reference, name, incident_status: { name: incident_status.name, category: incident_status.category }, visibility })),
      fetchedAt: fetchedAt ?? Date.now(),
      complete,
    };
  },
  'incidents/get': async ({ ref }, ctx) => {
    const incident = await getIncident(ref, ctx);
    return ctx.level === 'agent' ? { incident } : { incident: toPublicIncident(incident) };
  },
  'incidents/updates': async ({ incidentId }, ctx) => {
    if (ctx.level === 'agent') return { updates: await (await connectedClient()).listIncidentUpdates(incidentId) };
    // Listed with the id incident.io verified as public, never the one the page sent.
    const seen = recentlyPublic.get(incidentId);
    const verifiedId = seen !== undefined && Date.now() - seen < RECENT_MS ? incidentId : (await getIncident(incidentId, ctx)).id;
    spendPageLookup(ctx);
    return { updates: await (await connectedClient()).listIncidentUpdates(verifiedId) };
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
    // A base URL the organisation set wins over the (locked) field.
    const url = validateBaseUrl(managedBaseUrl(await readManagedConfig()) ?? request.baseUrl);
    if (!url.ok) throw new AppError({ kind: 'bad_input', message: url.message });
    const custom = customEndpointHost(url.url);
    if (custom && request.customEndpoint !== custom) throw new AppError(REFUSALS.customEndpoint(custom));
    // The stored key goes only to the origin it was stored for: a new origin needs it typed again.
    const [storedKey, stored] = await Promise.all([apiKeyItem.get(), connectionItem.get()]);
    const sameOrigin = new URL(stored.baseUrl).origin === new URL(url.url).origin;
    if (!request.apiKey && storedKey && !sameOrigin) throw new AppError(REFUSALS.keyForNewOrigin(new URL(url.url).origin));
    const apiKey = request.apiKey || storedKey;
    if (!apiKey) throw new AppError({ kind: 'bad_input', message: 'Enter your incident.io API key.' });
    // Validate before storing: a key that can't read its own identity is never saved.
    const identity = await createIncidentIoClient({ baseUrl: url.url, apiKey }).identity();
    await closeKeyStorage().catch(() => {
      throw new AppError(REFUSALS.keyStorageOpen());
    });
    await forgetOrgData();
    await changingConnection(async () => {
      await apiKeyItem.set(apiKey);
      await connectionItem.set({ baseUrl: url.url, identity });
    });
    // The key typed here is the active workspace's (the first one's on a fresh install).
    await readWorkspaces();
    void refreshOpenIncidents().catch(() => undefined);
    return currentConnection();
  },
  'connection/disconnect': async () => {
    // Identity first: the side panel reads "connected" from the stored identity (see lib/connection.ts).
    await changingConnection(async () => {
      await connectionItem.set({ ...(await connectionItem.get()), identity: null });
      await apiKeyItem.remove();
    });
    await forgetOrgData();
    // Disconnecting removes the active workspace (its key) from the list too.
    await readWorkspaces();
    return currentConnection();
  },
  'settings/get': () => settingsItem.get(),
  'settings/update': async (changes) => {
    const next = settingsSchema.parse({ ...(await settingsItem.get()), ...changes });
    await settingsItem.set(next);
    return next;
  },
  'attachments/list': async ({ externalId, incidentId }, ctx) => {
    // A page may list the links of the ticket its tab shows, judged on the browser-stamped tab URL.
    if (ctx.level !== 'agent' && !(externalId && claimMatchesTab(externalId, ctx.tabUrl))) {
      throw new AppError(REFUSALS.ownTicketOnly());
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
    if (ctx.level === 'helpdesk') checkPageIntent(intent, ctx.tabUrl);
    // Tickets to link after a declaration come only from the background's spike (spike/declare).
    await panelIntentItem.set(intent.kind === 'declare' ? { ...intent, prefill: { ...intent.prefill, linkTickets: undefined } } : intent);
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
    // A ticket is offered for linking only when its links are on the tab's own origin, which needs the
    // tab's URL. Without a grant for the tab the browser hides it: the origin can't be verified, so no
    // ticket is offered (fail closed), and the page isn't even asked.
    const shown = webUrl(tab?.url);
    const read = tab?.id === undefined || shown === null ? null : await readTicketTab(tab.id);
    const onTab = (ticket: TicketRef) => sameOriginAsTab(ticket.url, shown ?? undefined) && sameOriginAsTab(ticket.attachment.url, shown ?? undefined);
    const ticket = read?.ticket && onTab(read.ticket) ? read.ticket : null;
    return { tabId: tab?.id ?? null, url: shown, ticket };
  },
  'reply/insert': ({ incidentId, tabId }) => insertStatusUpdate(incidentId, tabId),
  'sites/list': async () => ({ sites: await enabledSites() }),
  'sites/enable': async ({ url, tabId }) => ({ sites: await enableSite(url, tabId) }),
  'sites/disable': async ({ origin }) => ({ sites: await disableSite(origin) }),
  'suggestions/ticket': async (request, ctx) => suggestionsForTicket(request, ctx, await pollMaxAgeMs()),
  'spike/declare': async (_req, ctx) => {
    await panelIntentItem.set({ kind: 'declare', prefill: await spikeDeclarePrefill(ctx, await pollMaxAgeMs()) });
    return { opened: await openSidePanel(ctx.tabId) };
  },
  'followups/done': async ({ incidentId, externalId }) => {
    await followupDone(incidentId, externalId);
    return {};
  },
  'followups/insert': ({ incidentId, externalId, tabId }) => insertResolutionUpdate(incidentId, externalId, tabId),
  'followups/ticket': async ({ externalId }, ctx) => ({ followups: await followupsForTicket(externalId, ctx, { spend: () => spendPageLookup(ctx) }) }),
  'followups/inserted': async ({ incidentId, externalId }, ctx) => {
    await insertedFromTicket(incidentId, externalId, ctx);
    return {};
  },
  // Two calls: the incident (which proves it public for a page), then the verified id's updates.
  'incidents/card': async ({ ref }, ctx) => {
    const incident = await getIncident(ref, ctx);
    // Each call a page causes spends a token: a card is two of the tab's lookups.
    spendPageLookup(ctx);
    // The status page's reads, when the incident has one, are shared per poll; a fresh one spends too.
    const [updates, page, workspace] = await Promise.all([
      (await connectedClient()).listIncidentUpdates(incident.id), statusPageWording(incident, { spend: () => spendPageLookup(ctx) }),
      activeWorkspaceLabel(),
    ]);
    const card = incidentCard(incident, updates, page);
    return workspace ? { ...card, incident: { ...card.incident, workspace } } : card;
  },
  'helpdesk/ui': (_req, ctx) => injectHelpdeskUi(ctx.tabId, ctx.frameId),
  ...onCallHandlers,
  ...statusPageHandlers,
  ...ticketCountHandlers,
  ...customFieldHandlers,
  ...workspaceHandlers,
};


/**
 * What a help-desk page may ask the panel to show: an incident, or a link of its own ticket whose
 * every URL (shown, stored) is on the tab's origin. Never a declare draft (it would replace the
 * agent's work in progress with the page's text).
 */
function checkPageIntent(intent: PanelIntent, tabUrl: string | undefined) {
  if (intent.kind === 'incident') return;
  if (intent.kind !== 'link-ticket') throw new AppError(REFUSALS.pageIntent());
  const { ticket } = intent;
  const own = claimMatchesTab(ticket.attachment.externalId, tabUrl)
    && sameOriginAsTab(ticket.url, tabUrl) && sameOriginAsTab(ticket.attachment.url, tabUrl);
  if (!own) throw new AppError(REFUSALS.ownTicketOnly());
}
