import { describe, expect, it } from 'vitest';
import { IncidentIoError } from './errors';
import { backoffDelayMs, type RetryOptions, withRetry } from './retry';

function options(overrides: Partial<RetryOptions> = {}) {
  const sleeps: number[] = [];
  const opts: RetryOptions = {
    policy: 'transient', maxAttempts: 3, sleep: async (ms) => void sleeps.push(ms), random: () => 0, maxRetryAfterMs: 30_000,
    ...overrides,
  };
  return { opts, sleeps };
}

/** An attempt that throws the given errors in turn, then returns 'ok'. */
function failing(...errors: unknown[]) {
  let calls = 0;
  const attempt = async () => {
    const error = errors[calls++];
    if (error) throw error;
    return 'ok';
  };
  return { attempt, calls: () => calls };
}

describe('backoffDelayMs', () => {
  it('doubles per retry with up to 50% jitter and a ceiling', () => {
    expect(backoffDelayMs(0, () => 0)).toBe(250);
    expect(backoffDelayMs(0, () => 0.999)).toBe(500);
    expect(backoffDelayMs(1, () => 0)).toBe(500);
    expect(backoffDelayMs(20, () => 0.999)).toBeLessThanOrEqual(8000);
  });
});

describe('withRetry', () => {
  it('retries transient failures and stops after maxAttempts', async () => {
    const { opts, sleeps } = options();
    const { attempt, calls } = failing(new IncidentIoError('network'), new IncidentIoError('timeout'), new IncidentIoError('server'));
    await expect(withRetry(attempt, opts)).rejects.toMatchObject({ kind: 'server' });
    expect(calls()).toBe(3);
    expect(sleeps).toEqual([250, 500]);
  });

  it('with rate_limit_only, retries only 429s', async () => {
    const { opts } = options({ policy: 'rate_limit_only' });
    const limited = failing(new IncidentIoError('rate_limited', { retryAfterMs: 1000 }));
    await expect(withRetry(limited.attempt, opts)).resolves.toBe('ok');
    const broken = failing(new IncidentIoError('server'));
    await expect(withRetry(broken.attempt, opts)).rejects.toMatchObject({ kind: 'server' });
    expect(broken.calls()).toBe(1);
  });

  it('does not retry programming errors', async () => {
    const { opts } = options();
    const { attempt, calls } = failing(new TypeError('x is not a function'));
    await expect(withRetry(attempt, opts)).rejects.toBeInstanceOf(TypeError);
    expect(calls()).toBe(1);
  });

  it('backs off exponentially on a 429 without Retry-After', async () => {
    const { opts, sleeps } = options();
    const { attempt } = failing(new IncidentIoError('rate_limited'));
    await withRetry(attempt, opts);
    expect(sleeps).toEqual([250]);
  });
});
