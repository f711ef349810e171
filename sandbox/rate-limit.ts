export type RateLimitOptions = { capacity: number; refillPerSecond: number };

/** incident.io's default: a bucket of 1200 per key, refilling at 20/s. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { capacity: 1200, refillPerSecond: 20 };

export type RateLimitResult = {
  allowed: boolean;
  headers: Record<string, string>;
  /** Whole seconds until one request is allowed again (only when refused). */
  retryAfterSeconds?: number;
  limit: number;
  remaining: number;
};

/** One token bucket per API key. */
export function createRateLimiter(options: RateLimitOptions) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const windowSeconds = Math.round(options.capacity / options.refillPerSecond);

  return {
    take(key: string, now: number): RateLimitResult {
      const bucket = buckets.get(key) ?? { tokens: options.capacity, at: now };
      bucket.tokens = Math.min(options.capacity, bucket.tokens + ((now - bucket.at) / 1000) * options.refillPerSecond);
      bucket.at = now;
      buckets.set(key, bucket);
      const allowed = bucket.tokens >= 1;
      if (allowed) bucket.tokens -= 1;
      const remaining = Math.floor(bucket.tokens);
      const secondsToFull = (options.capacity - bucket.tokens) / options.refillPerSecond;
      const headers = {
        'X-RateLimit-Limit': `${options.capacity}, ${options.capacity};window=${windowSeconds}`,
        'X-RateLimit-Remaining': String(remaining),
        'X-RateLimit-Used': String(options.capacity - remaining),
        'X-RateLimit-Reset': String(Math.ceil(now / 1000 + secondsToFull)),
      };
      if (allowed) return { allowed, headers, limit: options.capacity, remaining };
      const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / options.refillPerSecond));
      return { allowed, headers, retryAfterSeconds, limit: options.capacity, remaining };
    },
    clear(): void {
      buckets.clear();
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
