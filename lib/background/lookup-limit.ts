/** Help-desk reads that cost incident.io calls: 30 a minute per tab, up to 10 at once. */
export const PAGE_LOOKUPS = { perMinute: 30, burst: 10 } as const;

/**
 * A token bucket per help-desk tab, in the worker's memory. A page script (a widget, another
 * extension, XSS on a self-hosted desk) can plant `INC-1…INC-N` and make the content script look
 * each one up; this caps what one tab can spend of the key's incident.io rate limit and how fast it
 * can walk through the public incidents. A worker restart refills the buckets, which costs at most
 * one more burst.
 */
export function createLookupLimit(options: { perMinute: number; burst: number } = PAGE_LOOKUPS) {
  const perMs = options.perMinute / 60_000;
  const buckets = new Map<number, { tokens: number; at: number }>();
  return {
    /** Spends one token of the tab's bucket: null if allowed, else how long until the next token. */
    take(tabId: number, now = Date.now()): number | null {
      const bucket = buckets.get(tabId) ?? { tokens: options.burst, at: now };
      bucket.tokens = Math.min(options.burst, bucket.tokens + (now - bucket.at) * perMs);
      bucket.at = now;
      buckets.set(tabId, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return null;
      }
      return Math.ceil((1 - bucket.tokens) / perMs);
    },
    /** A closed tab's bucket goes with it. */
    forget(tabId: number): void {
      buckets.delete(tabId);
    },
  };
}
