/** Repeated measurements of one figure. Wall-clock and CPU figures on a shared machine swing, so every figure is a distribution. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile (p in 0–100) of already sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of no samples');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  // An even count takes the mean of the two middle samples.
  const mid = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? percentile(sorted, 50) : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { n: sorted.length, median, p95: percentile(sorted, 95), min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** Per-sample differences of two paired series (e.g. with and without the extension, run alternately). */
export function pairedDifferences(withIt: readonly number[], without: readonly number[]): number[] {
  if (withIt.length !== without.length) throw new Error('paired series differ in length');
  return withIt.map((value, i) => value - without[i]!);
}
