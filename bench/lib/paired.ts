import type { Budget, Result } from './report';
import { summarize } from './stats';

/**
 * Measures a figure and its floor alternately (a, floor, a, floor…) so a slow moment of the shared
 * machine lands on both; `floorFirst` starts with the floor. Returns both series, same length.
 */
export async function pairedRuns(
  count: number, measure: (i: number) => Promise<number>, floor: (i: number) => Promise<number>, floorFirst = false,
): Promise<{ values: number[]; floors: number[] }> {
  const values: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < count; i++) {
    if (floorFirst) floors.push(await floor(i));
    values.push(await measure(i));
    if (!floorFirst) floors.push(await floor(i));
  }
  return { values, floors };
}

/**
 * A figure against its same-run floor: the medians of both series, the samples' spread, and a
 * budget relative to the floor (`{ ratio: 1.25 }`, `{ plus: 96 }`) or absolute.
 */
export function vsFloor(input: {
  section: string; metric: string; unit: string; values: readonly number[]; floors: readonly number[];
  floorLabel: string; budget?: Budget; note?: string;
}): Result {
  const summary = summarize(input.values);
  return {
    section: input.section, metric: input.metric, unit: input.unit, value: summary.median, summary, headline: 'median',
    floor: { value: summarize(input.floors).median, label: input.floorLabel },
    ...(input.budget ? { budget: input.budget } : {}),
    ...(input.note ? { note: input.note } : {}),
  };
}
