import { describe, expect, it } from 'vitest';
import { createLookupLimit } from './lookup-limit';

describe('per-tab lookup bucket', () => {
  it('allows the burst at once, then refills at the rate per minute; tabs are separate', () => {
    const limit = createLookupLimit({ perMinute: 30, burst: 10 });
    const at = 1_000_000;
    const allowed = Array.from({ length: 200 }, () => limit.take(1, at)).filter((wait) => wait === null);
    expect(allowed).toHaveLength(10);
    expect(limit.take(1, at)).toBe(2000);
    expect(limit.take(2, at)).toBeNull();
    expect(limit.take(1, at + 2000)).toBeNull();
    expect(limit.take(1, at + 2000)).not.toBeNull();
    // A quiet minute refills the bucket to its burst, never beyond.
    const later = at + 10 * 60_000;
    expect(Array.from({ length: 20 }, () => limit.take(1, later)).filter((wait) => wait === null)).toHaveLength(10);
  });
});
