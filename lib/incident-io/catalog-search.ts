import type { IncidentIoClient } from './client';
import type { CatalogEntry } from './schemas';

export type CatalogSearchResult = {
  entries: CatalogEntry[];
  /** Where the scan stopped; pass it back to continue ("More results"). Absent at the end. */
  after?: string;
};

export type CatalogSearchOptions = {
  /** Stop once this many matches are found. */
  limit?: number;
  /** At most this many pages per call, so a rare query can't walk a huge catalog in one go. */
  maxPages?: number;
  after?: string;
};

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function entryMatches(entry: CatalogEntry, query: string): boolean {
  const q = fold(query.trim());
  if (q === '') return true;
  return [entry.name, entry.external_id ?? '', ...entry.aliases].some((text) => fold(text).includes(q));
}

/**
 * Searches a catalog type by name, alias and identifier. The API's only search is the exact
 * `identifier` (id, external id, aliases; name when the type allows), so that is asked first, then
 * pages are scanned for partial matches, keeping only the matches: the form never holds the catalog.
 */
export async function searchCatalog(
  client: Pick<IncidentIoClient, 'listCatalogEntries'>, catalogTypeId: string, query: string, opts: CatalogSearchOptions = {},
): Promise<CatalogSearchResult> {
  const limit = opts.limit ?? 10;
  const maxPages = opts.maxPages ?? 8;
  const found = new Map<string, CatalogEntry>();
  const q = query.trim();
  if (q !== '' && opts.after === undefined) {
    const exact = await client.listCatalogEntries({ catalogTypeId, identifier: q, pageSize: limit });
    for (const entry of exact.entries) found.set(entry.id, entry);
  }
  let after = opts.after;
  for (let page = 0; page < maxPages && found.size < limit; page++) {
    const result = await client.listCatalogEntries({ catalogTypeId, pageSize: 250, after });
    let stoppedEarly = false;
    for (const entry of result.entries) {
      if (found.size >= limit) {
        stoppedEarly = true;
        break;
      }
      // `after` is "a record's ID": the last one looked at, so the next call resumes right behind it.
      after = entry.id;
      if (entryMatches(entry, q)) found.set(entry.id, entry);
    }
    if (!stoppedEarly) after = result.after;
    if (!after) break;
  }
  return { entries: [...found.values()], ...(after ? { after } : {}) };
}
