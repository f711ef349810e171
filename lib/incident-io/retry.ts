import { IncidentIoError, isIncidentIoError } from './errors';

/**
 * Which failures a request may retry:
 * - `transient`: network, timeout, 5xx, 429. Safe for GETs, and for create because every attempt
 *   sends the same idempotency key, so incident.io de-duplicates.
 * - `rate_limit_only`: 429 only, where incident.io refused before doing anything. Edits and
 *   attachment changes aren't idempotent, and a lost answer may hide an applied change.
 */
export type RetryPolicy = 'transient' | 'rate_limit_only';

export interface RetryOptions {
  policy: RetryPolicy;
  /** Attempts in total, the first included. */
  maxAttempts: number;
  sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1), for jitter. */
  random: () => number;
  /** A 429 asking us to wait longer than this fails at once instead of holding the caller. */
  maxRetryAfterMs: number;
}

const TRANSIENT_KINDS = new Set(['network', 'timeout', 'server', 'rate_limited']);
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

/** Exponential backoff with "equal jitter": half the step fixed, half random, so clients spread out. */
export function backoffDelayMs(retryIndex: number, random: () => number): number {
  const step = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** retryIndex);
  return Math.round(step / 2 + (step / 2) * random());
}

function isRetryable(error: IncidentIoError, policy: RetryPolicy): boolean {
  return policy === 'transient' ? TRANSIENT_KINDS.has(error.kind) : error.kind === 'rate_limited';
}

/** Runs `attempt` until it succeeds, fails for good, or runs out of attempts; throws the last error. */
export async function withRetry<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let index = 0; ; index++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isIncidentIoError(error) || !isRetryable(error, options.policy) || index + 1 >= options.maxAttempts) {
        throw error;
      }
      const { retryAfterMs } = error;
      if (retryAfterMs !== undefined && retryAfterMs > options.maxRetryAfterMs) throw error;
      await options.sleep(retryAfterMs ?? backoffDelayMs(index, options.random));
    }
  }
}
