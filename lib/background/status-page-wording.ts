import type { Incident, StatusPage, StatusPageIncident } from '@/lib/incident-io/schemas';
import { customerMayHear, type StatusPageWording } from '@/lib/helpdesk/status-snippet';
import { incidentLinksItem } from '@/lib/storage';
import { connectedClient } from './client';

/**
 * What the status page says about an incident, for the customer text. Only incidents whose
 * attachments (read once per poll by incident-links) include a `statuspage_incident` cost calls:
 * the status page incident and the list of pages, each read at most once per poll (the links'
 * `fetchedAt` is the generation) and shared by every concurrent asker, so tabs don't multiply them.
 */

interface Cached<T> { generation: number; value: Promise<T> }
let pages: Cached<StatusPage[]> | null = null;
const incidents = new Map<string, Cached<StatusPageIncident>>();

export interface WordingOptions {
  /** Called before each call incident.io will see (a page's lookup bucket); may throw to refuse. */
  spend?: () => void;
}

function cached<T>(entry: Cached<T> | null | undefined, generation: number, load: () => Promise<T>, spend?: () => void): Cached<T> {
  if (entry && entry.generation === generation) return entry;
  spend?.();
  return { generation, value: load() };
}

/**
 * The status page wording of a public incident, or null (no status page incident, an incident that
 * must not be shown to customers, or a failed read: the reply then uses today's template).
 */
export async function statusPageWording(incident: Incident, options: WordingOptions = {}): Promise<StatusPageWording | null> {
  if (!customerMayHear(incident)) return null;
  const links = await incidentLinksItem.get();
  const attachment = links.byIncident[incident.id]?.find((a) => a.resource.resource_type === 'statuspage_incident');
  if (!attachment || links.fetchedAt === null) return null;
  const generation = links.fetchedAt;
  // Older polls' entries go: the map holds at most the incidents of one poll.
  for (const [id, entry] of incidents) if (entry.generation !== generation) incidents.delete(id);
  const id = attachment.resource.external_id;
  const client = await connectedClient();
  const spiEntry = cached(incidents.get(id), generation, () => client.getStatusPageIncident(id), options.spend);
  incidents.set(id, spiEntry);
  const pagesEntry = cached(pages, generation, () => client.listStatusPages(), options.spend);
  pages = pagesEntry;
  try {
    const [spi, list] = await Promise.all([spiEntry.value, pagesEntry.value]);
    return wordingOf(spi, list.find((page) => page.id === spi.status_page_id) ?? null);
  } catch {
    // A failed read is not kept: the next ask tries again.
    if (incidents.get(id) === spiEntry) incidents.delete(id);
    if (pages === pagesEntry) pages = null;
    return null;
  }
}

export function wordingOf(spi: StatusPageIncident, page: StatusPage | null): StatusPageWording {
  const latest = spi.updates.reduce<StatusPageIncident['updates'][number] | null>(
    (last, update) => (!last || update.published_at > last.published_at ? update : last), null,
  );
  return {
    name: spi.name,
    status: spi.incident_status,
    latest: latest ? { message: latest.message, published_at: latest.published_at } : null,
    publicUrl: page?.public_url ?? null,
  };
}

/** Tests: forget every cached read. */
export function resetStatusPageWording(): void {
  pages = null;
  incidents.clear();
}
