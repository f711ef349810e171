import type { Incident } from '@/lib/incident-io/schemas';
import type { CallContext } from '@/lib/messaging/handle';
import type { RequestOf, ResponseOf } from '@/lib/messaging/protocol';
import { toPublicIncident } from '@/lib/messaging/public-incident';
import { settingsItem, customerCatalogItem, viewedTicketsItem } from '@/lib/storage';
import { customerFieldIds, customerLines, requesterIdentifiers, type Requester } from '@/lib/suggest/customer';
import { rankableIncident } from '@/lib/suggest/incident-doc';
import { indexIncidents, type IncidentIndex, type RankableIncident } from '@/lib/suggest/rank';
import { DEFAULT_SPIKE_WINDOW_MINUTES, detectSpike, rememberViewed, viewedTicket } from '@/lib/suggest/spike';
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

/** The index is rebuilt only when the shared list changes (once per poll at most). */
let memo: { key: Incident[]; incidents: Incident[]; docs: RankableIncident[]; index: IncidentIndex } | null = null;
function openIndex(all: Incident[]) {
  if (memo?.key !== all) {
    const incidents = suggestable(all);
    const docs = incidents.map((incident) => rankableIncident(incident));
    memo = { key: all, incidents, docs, index: indexIncidents(docs) };
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
          entryIds: (await (await connectedClient()).findCatalogEntries(typeId, identifier)).map((e) => e.id),
          fetchedAt: now,
        };
        const ids = found.get(identifier) ?? new Set<string>();
        lookups[key].entryIds.forEach((id) => ids.add(id));
        found.set(identifier, ids);
      }
    }
    const kept = Object.entries(lookups).sort(([, a], [, b]) => b.fetchedAt - a.fetchedAt).slice(0, MAX_LOOKUPS);
    await customerCatalogItem.set({ ...cache, lookups: Object.fromEntries(kept) });
    return customerLines({
      incidents: withCustomers, fieldIds: new Set(cache.fields.map((f) => f.fieldId)), requester, entryIdsByIdentifier: found,
    });
  } catch {
    return new Map();
  }
}

/** The ticket's URL without its fragment: one ticket, however the desk scrolls or tabs within it. */
const ticketUrl = (url: string | undefined) => (url && isWebUrl(url) ? url.split('#')[0]! : null);

export async function suggestionsForTicket(
  request: RequestOf<'suggestions/ticket'>, ctx: CallContext, maxAgeMs: number, now = Date.now(),
): Promise<ResponseOf<'suggestions/ticket'>> {
  const open = await readOpenIncidents(maxAgeMs);
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
  const windowMs = ((await settingsItem.get()).spikeWindowMinutes ?? DEFAULT_SPIKE_WINDOW_MINUTES) * 60_000;
  const title = request.subject.trim() || url;
  const viewed = rememberViewed(await viewedTicketsItem.get(), viewedTicket({ ...request, url, title }, now), windowMs);
  await viewedTicketsItem.set(viewed);
  const spike = suggestions.length ? null : detectSpike(viewed, url, { incidents: docs, index }, now, windowMs);
  return { suggestions, spike };
}
