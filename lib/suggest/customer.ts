import type { CatalogType, CustomField, CustomFieldEntry, EmbeddedCatalogEntry } from '@/lib/incident-io/schemas';
import { fold } from './analyze';

import type { Requester } from '@/lib/panel-intent';

export type { Requester };

/**
 * Mail providers' domains say nothing about the customer (a gmail.com requester is not the
 * customer "gmail.com").
 */
const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'icloud.com',
  'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.ru', 'yandex.ru', 'qq.com',
]);

/** What to look the requester up by, best first: the email domain, then the organisation name. */
export function requesterIdentifiers(requester: Requester | undefined): string[] {
  const ids: string[] = [];
  const domain = requester?.email?.trim().toLowerCase().match(/@([a-z0-9.-]+\.[a-z]{2,})$/)?.[1];
  if (domain && !FREE_MAIL.has(domain)) ids.push(domain);
  const organisation = requester?.organisation?.replace(/\s+/g, ' ').trim();
  if (organisation && !ids.some((id) => fold(id) === fold(organisation))) ids.push(organisation);
  return ids;
}

/** A catalog type of customers or organisations: by its category, else by its name. */
export function isCustomerCatalogType(type: Pick<CatalogType, 'name' | 'type_name' | 'categories'>): boolean {
  return (type.categories ?? []).includes('customer')
    || /\b(customers?|organi[sz]ations?|accounts?|clients?|compan(y|ies)|tenants?)\b/i.test(`${type.name} ${type.type_name ?? ''}`);
}

/** Custom fields whose values are entries of a customer catalog type. */
export function customerFieldIds(
  fields: readonly Pick<CustomField, 'id' | 'catalog_type_id'>[], types: readonly Pick<CatalogType, 'id' | 'name' | 'type_name' | 'categories'>[],
): Set<string> {
  const customerTypes = new Set(types.filter(isCustomerCatalogType).map((t) => t.id));
  return new Set(fields.filter((f) => f.catalog_type_id && customerTypes.has(f.catalog_type_id)).map((f) => f.id));
}

/** Loose equality for names and domains: "ACME Corp." = "acme corp", "www.acme.com" = "acme.com". */
const same = (a: string, b: string) => {
  const norm = (s: string) => fold(s).replace(/^www\./, '').replace(/[^\p{L}\p{N}.@]+/gu, ' ').replace(/[.\s]+$/, '').trim();
  return norm(a) === norm(b);
};

function entryMatches(entry: EmbeddedCatalogEntry, identifier: string, knownIds: ReadonlySet<string>): boolean {
  if (knownIds.has(entry.id)) return true;
  return [entry.name, entry.external_id ?? '', ...(entry.aliases ?? [])].some((value) => value && same(value, identifier));
}

export interface CustomerMatchInput {
  incidents: readonly { id: string; custom_field_entries?: CustomFieldEntry[] }[];
  /** Custom fields backed by a customer catalog type. */
  fieldIds: ReadonlySet<string>;
  requester: Requester | undefined;
  /** Per identifier: the ids of catalog entries incident.io found for it (aliases, names). */
  entryIdsByIdentifier?: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Incident id → "acme.com is listed as affected", for every incident whose customer field holds an
 * entry that is the requester: one incident.io found for the identifier, or whose own name,
 * external id or alias equals it (the embedded entry carries them, so this works before or without
 * the lookup).
 */
export function customerLines({ incidents, fieldIds, requester, entryIdsByIdentifier }: CustomerMatchInput): Map<string, string> {
  const lines = new Map<string, string>();
  const identifiers = requesterIdentifiers(requester);
  if (!identifiers.length || !fieldIds.size) return lines;
  for (const incident of incidents) {
    const entries = (incident.custom_field_entries ?? [])
      .filter((e) => fieldIds.has(e.custom_field.id))
      .flatMap((e) => e.values.flatMap((v) => (v.value_catalog_entry ? [v.value_catalog_entry] : [])));
    const identifier = identifiers.find((id) => entries.some((entry) => entryMatches(entry, id, entryIdsByIdentifier?.get(id) ?? new Set())));
    if (identifier) lines.set(incident.id, `${identifier} is listed as affected`);
  }
  return lines;
}
