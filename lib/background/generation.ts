/**
 * Which workspace the shared caches belong to, as a counter bumped whenever the active workspace
 * changes (switch, remove, connect, disconnect). A refresh takes `staleAfter()` before its request
 * and writes nothing once it says true: a list fetched with the old key must not refill the caches
 * of the new one (issue 12 §4). One service worker holds every request, so memory is enough.
 */
let generation = 0;

export function bumpGeneration(): void {
  generation++;
}

/** A check taken now: true once the active workspace changed since. */
export function staleAfter(): () => boolean {
  const at = generation;
  return () => at !== generation;
}
