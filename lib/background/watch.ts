import { watchedItem } from '@/lib/storage';

/** Old watches are dropped past this many, so the list can't grow without bound over the years. */
const MAX_WATCHED = 500;

export async function watchedIds(): Promise<Set<string>> {
  return new Set(await watchedItem.get());
}

export async function isWatched(incidentId: string): Promise<boolean> {
  return (await watchedItem.get()).includes(incidentId);
}

/** Follows an incident (also called when a ticket is linked to it from this browser). */
export async function watch(incidentId: string): Promise<void> {
  const ids = await watchedItem.get();
  if (!ids.includes(incidentId)) await watchedItem.set([...ids, incidentId].slice(-MAX_WATCHED));
}

/** Flips watching; resolves to whether the incident is watched now. */
export async function toggleWatch(incidentId: string): Promise<boolean> {
  const ids = await watchedItem.get();
  if (ids.includes(incidentId)) {
    await watchedItem.set(ids.filter((id) => id !== incidentId));
    return false;
  }
  await watchedItem.set([...ids, incidentId].slice(-MAX_WATCHED));
  return true;
}
