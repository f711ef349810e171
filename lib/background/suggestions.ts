import type { Incident } from '@/lib/incident-io/schemas';
import type { CallContext } from '@/lib/messaging/handle';
import type { RequestOf, ResponseOf } from '@/lib/messaging/protocol';
import { toPublicIncident } from '@/lib/messaging/public-incident';
import { settingsItem, customerCatalogItem, viewedTicketsItem } from '@/lib/storage';
import { staleAfter } from './generation';
import { customerFieldIds, customerLines, requesterIdentifiers, type Requester } from '@/lib/suggest/customer';
import { rankableIncident } from '@/lib/suggest/incident-doc';
import { indexIncidents, type IncidentIndex, type RankableIncident } from '@/lib/suggest/rank';
import { DEFAULT_SPIKE_WINDOW_MINUTES, detectSpike, rememberViewed, spikeSummary, viewedTicket } from '@/lib/suggest/spike';
import { AppError } from '@/lib/app-error';
import { buildTicket } from '@/lib/helpdesk/ticket';
import { adapterForUrl } from '@/lib/helpdesk/registry';
import type { DeclarePrefill, TicketRef } from '@/lib/panel-intent';
import { isWebUrl } from '@/lib/web-url';
import { connectedClient } from './client';
import { publicOnly, readOpenIncidents } from './open-incidents';

/*
 * Suggested incidents for a help-desk ticket (issue 11 §1) and spike detection (§4).
 *
 * Ranking runs here, in the background, not in the content script: the help-desk script has a
 * size and load-time budget (≤ 15 kB gzip, a few ms at load) that MiniSearch + the stemmer + the
 * synonym table would eat, and the background already holds the open-incident list (with summaries
 * and custom fields a help-desk page must not receive) and the customer catalog. The page sends the
 * ticket's words once per ticket and gets back at most 3 public projections with the matched words.
 */

/** Custom fields and catalog types change rarely; lookups of one customer likewise. */
export const CUSTOMER_CATALOG_MAX_AGE_MS = 10 * 60_000;
const MAX_LOOKUPS = 200;

/** Test, tutorial and private incidents are never suggested to a customer's ticket. */
const suggestable = (incidents: Incident[]) => publicOnly(incidents).filter((i) => i.mode !== 'test' && i.mode !== 'tutorial');

/**
 * Each suggestable incident's latest update (its text, or null when it has none), by id, with the
 * `updated_at` it was read at: an update is where responders name the symptom customers write
 * about ("card payments fail at the 3-D Secure step"), so the live index reads it as the offline
 * evaluation does (lib/suggest/evaluate.ts). Fetched once per incident change, not per ticket or poll.
 */
const latestUpdates = new Map<string, { updatedAt: string; text: string | null }>();
/** Incidents whose update is fetched per ask at most, most recently changed first, this many at a time. */
const MAX_UPDATE_FETCHES = 25;
const UPDATE_FETCH_CONCURRENCY = 4;
/** A ticket's suggestions wait no longer than this for updates (the rest rank on the next ask). */
const UPDATE_WAIT_MS = 1_500;

async function readLatestUpdates(incidents: Incident[], wait = UPDATE_WAIT_MS): Promise<void> {
  const live = new Set(incidents.map((i) => i.id));
  for (const id of latestUpdates.keys()) if (!live.has(id)) latestUpdates.delete(id);
  const due = incidents
    .filter((i) => latestUpdates.get(i.id)?.updatedAt !== i.updated_at)
    .sort((a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at))
    .slice(0, MAX_UPDATE_FETCHES);
  if (due.length === 0) return;
  const stale = staleAfter();
  const fetchAll = (async () => {
    const client = await connectedClient();
    const queue = [...due];
    await Promise.all(Array.from({ length: UPDATE_FETCH_CONCURRENCY }, async () => {
      for (let incident = queue.shift(); incident; incident = queue.shift()) {
        try {
          const updates = await client.listIncidentUpdates(incident.id);
          const text = updates.findLast((u) => u.message?.trim())?.message?.trim() ?? null;
          if (!stale()) latestUpdates.set(incident.id, { updatedAt: incident.updated_at, text });
        } catch {
          // Ranked without it (or with the one read before); asked again on the next ticket.
        }
      }
    }));
  })().catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([fetchAll, new Promise<void>((resolve) => { timer = setTimeout(resolve, wait); })]);
  clearTimeout(timer);
}

/** The index is rebuilt only when the shared list or an incident's latest update changed. */
let memo: { key: Incident[]; updates: string; incidents: Incident[]; docs: RankableIncident[]; index: IncidentIndex } | null = null;
function openIndex(all: Incident[]) {
  const incidents = memo?.key === all ? memo.incidents : suggestable(all);
  const updates = incidents.map((i) => latestUpdates.get(i.id)?.text ?? '').join('\n');
  if (memo?.key !== all || memo.updates !== updates) {
    const docs = incidents.map((incident) => rankableIncident(incident, latestUpdates.get(incident.id)?.text));
    memo = { key: all, updates, incidents, docs, index: indexIncidents(docs) };
  }
  return memo;
}

/**
 * Which open incidents list the requester as an affected customer. Reads the org's custom fields
 * and catalog types once per 10 minutes and looks each identifier up once per 10 minutes; any
 * failure (a key without catalog scopes, an org without a customer catalog) means "no customer
 * data", never a failed suggestion.
 */
async function customerLinesFor(incidents: Incident[], requester: Requester | undefined, now: number): Promise<Map<string, string>> {
  const identifiers = requesterIdentifiers(requester);
  const withCustomers = incidents.filter((i) => i.custom_field_entries?.some((e) => e.values.some((v) => v.value_catalog_entry)));
  if (!identifiers.length || !withCustomers.length) return new Map();
  try {
    const stale = staleAfter();
    let cache = await customerCatalogItem.get();
    if (!cache || now - cache.fetchedAt >= CUSTOMER_CATALOG_MAX_AGE_MS) {
      const client = await connectedClient();
      const [fields, types] = await Promise.all([client.listCustomFields(), client.listCatalogTypes()]);
      const ids = customerFieldIds(fields, types);
      cache = {
        fields: fields.filter((f) => ids.has(f.id)).map((f) => ({ fieldId: f.id, catalogTypeId: f.catalog_type_id! })),
        fetchedAt: now,
        lookups: {},
      };
    }
    const typeIds = [...new Set(cache.fields.map((f) => f.catalogTypeId))];
    const found = new Map<string, Set<string>>();
    const lookups = Object.fromEntries(Object.entries(cache.lookups).filter(([, l]) => now - l.fetchedAt < CUSTOMER_CATALOG_MAX_AGE_MS));
    for (const identifier of identifiers) {
      for (const typeId of typeIds) {
        const key = `${typeId}\n${identifier.toLowerCase()}`;
        lookups[key] ??= {
          entryIds: (await (await connectedClient()).listCatalogEntries({ catalogTypeId: typeId, identifier })).entries.map((e) => e.id),
          fetchedAt: now,
        };
        const ids = found.get(identifier) ?? new Set<string>();
        lookups[key].entryIds.forEach((id) => ids.add(id));
        found.set(identifier, ids);
      }
    }
    const kept = Object.entries(lookups).sort(([, a], [, b]) => b.fetchedAt - a.fetchedAt).slice(0, MAX_LOOKUPS);
    // Read with a key no longer active (a workspace switch meanwhile): not the active org's catalog.
    if (!stale()) await customerCatalogItem.set({ ...cache, lookups: Object.fromEntries(kept) });
    return customerLines({
      incidents: withCustomers, fieldIds: new Set(cache.fields.map((f) => f.fieldId)), requester, entryIdsByIdentifier: found,
    });
  } catch {
    return new Map();
  }
}

async function spikeWindowMinutes() {
  return (await settingsItem.get()).spikeWindowMinutes ?? DEFAULT_SPIKE_WINDOW_MINUTES;
}
const spikeWindowMs = async () => (await spikeWindowMinutes()) * 60_000;

/** The ticket's URL without its fragment: one ticket, however the desk scrolls or tabs within it. */
const ticketUrl = (url: string | undefined) => (url && isWebUrl(url) ? url.split('#')[0]! : null);

export async function suggestionsForTicket(
  request: RequestOf<'suggestions/ticket'>, ctx: CallContext, maxAgeMs: number, now = Date.now(),
): Promise<ResponseOf<'suggestions/ticket'>> {
  const open = await readOpenIncidents(maxAgeMs);
  await readLatestUpdates(suggestable(open.incidents));
  const { incidents, docs, index } = openIndex(open.incidents);
  const lines = await customerLinesFor(incidents, request.requester, now);
  const ranked = index.rank(request, { customerLines: lines });
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const suggestions = ranked.flatMap((s) => {
    const incident = byId.get(s.incidentId);
    return incident ? [{ incident: toPublicIncident(incident), matched: s.matched, reason: s.reason, customerLine: s.customerLine }] : [];
  });

  // Spike detection only for help-desk tabs: the browser-stamped tab URL says which ticket this is.
  const url = ctx.level === 'helpdesk' ? ticketUrl(ctx.tabUrl) : null;
  if (!url) return { suggestions, spike: null };
  const windowMs = await spikeWindowMs();
  const title = request.subject.trim() || url;
  const viewed = rememberViewed(await viewedTicketsItem.get(), viewedTicket({ ...request, url, title }, now), windowMs);
  await viewedTicketsItem.set(viewed);
  const spike = suggestions.length ? null : detectSpike(viewed, url, { incidents: docs, index }, now, windowMs);
  return { suggestions, spike };
}

/**
 * The link incident.io stores for a ticket known only by its URL: what the desk's adapter would
 * build (a Zendesk ticket by id; any other desk as `arbitrary_url` keyed by its URL), so the link
 * shows on that ticket's page afterwards.
 */
export function ticketFromUrl(url: string, subject: string): TicketRef {
  const parsed = new URL(url);
  const adapter = adapterForUrl(parsed);
  const id = adapter?.ticketIdFromUrl(parsed) ?? url;
  const desk = adapter ? { id: adapter.id, name: adapter.name } : { id: 'generic' as const, name: parsed.hostname };
  return buildTicket(desk, { id, subject, url }, adapter?.id === 'zendesk' ? 'zendesk_ticket' : 'arbitrary_url');
}

/**
 * "3 similar tickets: declare an incident?" (from the strip of one of them): the declare form's
 * prefill, built here from the tickets this agent viewed, never from what the page says. Nothing is
 * sent to incident.io: the form shows the name, the summary and the tickets it will link, and the
 * agent declares (or not).
 */
export async function spikeDeclarePrefill(ctx: CallContext, maxAgeMs: number, now = Date.now()): Promise<DeclarePrefill> {
  const url = ctx.level === 'helpdesk' ? ticketUrl(ctx.tabUrl) : null;
  const open = await readOpenIncidents(maxAgeMs);
  const { docs, index } = openIndex(open.incidents);
  const minutes = await spikeWindowMinutes();
  const viewed = await viewedTicketsItem.get();
  const spike = url ? detectSpike(viewed, url, { incidents: docs, index }, now, minutes * 60_000) : null;
  if (!spike) throw new AppError({ kind: 'bad_input', message: 'There are no longer 3 similar tickets without an incident.' });
  const subjects = new Map(viewed.map((t) => [t.url, t.subject]));
  return {
    name: spike.name,
    summary: spikeSummary(spike, minutes),
    linkTickets: spike.tickets.map((t) => ticketFromUrl(t.url, subjects.get(t.url) ?? t.title)),
  };
}
