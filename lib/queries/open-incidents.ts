import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { AppError } from '@/lib/app-error';
import type { OpenIncidents, ResponseOf } from '@/lib/messaging/protocol';
import { replyOf, send } from '@/lib/messaging/send';
import type { Settings } from '@/lib/settings';
import { openIncidentsAreFresh } from '@/lib/shared-cache';
import { openIncidentsItem, settingsItem } from '@/lib/storage';
import { incidentScope } from './incident';

/**
 * The shared open-incident cache (a storage read, no message) and whether it is younger than the
 * poll interval; `settings` when the caller is reading them anyway.
 */
export async function storedOpenIncidents(
  now: number, settings: Promise<Settings> = settingsItem.get(),
): Promise<{ cached: OpenIncidents; fresh: boolean }> {
  const [cached, { pollIntervalSeconds }] = await Promise.all([openIncidentsItem.get(), settings]);
  return { cached, fresh: openIncidentsAreFresh(cached, pollIntervalSeconds * 1000, now) };
}

let firstRefresh: Promise<unknown> | undefined;

/**
 * The revalidation the panel's first-paint script asked for as the page opened: the list's first
 * query takes its reply instead of asking again (React may mount seconds later on a busy machine,
 * past the background's 2 s sharing window, and one open would cost two list requests).
 */
export function adoptFirstRefresh(reply: Promise<unknown>): void {
  firstRefresh = reply;
}

/** The adopted reply, once; undefined when there is none or it never arrived (the caller asks itself). */
async function firstRefreshReply(): Promise<ResponseOf<'incidents/fill'> | undefined> {
  const pending = firstRefresh;
  firstRefresh = undefined;
  if (!pending) return undefined;
  let raw: unknown;
  try {
    raw = await pending;
  } catch {
    return undefined; // the worker was restarting: ask again
  }
  return replyOf<'incidents/fill'>(raw);
}

/**
 * Revalidates: the background refreshes the shared cache (one request shared with every other asker,
 * none when it is under 2 s old) and answers when it is done. The list itself reaches the panel
 * through the storage watch (IncidentsView), so a 1,000-incident list crosses once; read here only
 * if the watch has not delivered it. A failed refresh throws, and the query keeps the cached list
 * it shows, with its age, next to the error.
 */
export async function revalidatedOpenIncidents(client: QueryClient): Promise<OpenIncidents> {
  const { queryKey } = openIncidentsQuery();
  const { fetchedAt, error } = await firstRefreshReply() ?? await send('incidents/fill', { revalidate: true });
  if (error) throw new AppError(error);
  const watched = client.getQueryData(queryKey);
  return watched?.complete && watched.fetchedAt === fetchedAt ? watched : openIncidentsItem.get();
}

/**
 * The open incidents. The first screen is seeded from storage (prefetch.ts) and painted at once;
 * every mount, every return to the panel and every write then runs this, which revalidates.
 */
export const openIncidentsQuery = () => queryOptions({
  queryKey: [...incidentScope.queryKey, 'open'] as const,
  queryFn: ({ client }) => revalidatedOpenIncidents(client),
});
