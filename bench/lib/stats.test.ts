import { describe, expect, it } from 'vitest';
import { pairedDifferences, percentile, summarize } from './stats';

describe('summarize', () => {
  it('gives median, nearest-rank p95, min and max', () => {
    const samples = Array.from({ length: 30 }, (_, i) => 30 - i); // 30 … 1, unsorted on purpose
    expect(summarize(samples)).toEqual({ n: 30, median: 15.5, p95: 29, min: 1, max: 30 });
  });

  it('takes the middle sample of an odd count', () => {
    expect(summarize([5, 1, 3]).median).toBe(3);
  });

  it('refuses an empty series instead of reporting a fake zero', () => {
    expect(() => percentile([], 50)).toThrow();
  });
});

describe('pairedDifferences', () => {
  it('subtracts run by run', () => {
    expect(pairedDifferences([3, 5], [1, 1])).toEqual([2, 4]);
  });
});
