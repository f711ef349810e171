import { describe, expect, it } from 'vitest';
import { combineRuns, failures, formatTable, formatValue, limitOf, noisy, type Result, verdict } from './report';
import { summarize } from './stats';

const warm: Result = {
  section: 'Side panel', metric: 'warm open → incidents painted', value: 42.25, unit: 'ms', headline: 'median',
  summary: summarize([40, 42.25, 44.5, 80]), budget: { max: 60 },
};
const relative: Result = {
  section: 'Side panel', metric: 'first rows, warm', value: 100, unit: 'ms', floor: { value: 80, label: 'plain page' }, budget: { ratio: 1.25 },
};

describe('bench report', () => {
  it('shows the headline with its spread over runs', () => {
    expect(formatValue({ ...warm, summary: summarize([40, 42, 43, 80]), value: 42.5 })).toBe('p50 42.5 ms (min 40.0, max 80.0, n=4)');
    expect(formatValue({ ...warm, headline: 'p95', value: 80 })).toBe('p95 80.0 ms (p50 43.4, min 40.0, max 80.0, n=4)');
  });

  it('fails a budget that is exceeded or could not be measured, and names it', () => {
    const over = { ...warm, value: 61, summary: undefined };
    const missing = { ...warm, metric: 'cold', value: null, note: 'content script not built' };
    expect(verdict(warm).pass).toBe(true);
    expect(verdict(over).pass).toBe(false);
    expect(verdict(missing).pass).toBe(false);
    expect(failures([warm, over, missing])).toEqual([
      'Side panel / warm open → incidents painted: 61.0 ms (budget ≤ 60.0 ms)',
      'Side panel / cold: not available (budget ≤ 60.0 ms)',
    ]);
  });

  it('judges relative budgets against the floor of the same run, and fails without a floor', () => {
    expect(limitOf(relative)).toBe(100);
    expect(verdict(relative).pass).toBe(true);
    expect(verdict({ ...relative, value: 101 }).pass).toBe(false);
    expect(verdict({ ...relative, budget: { plus: 96 }, value: 177 }).pass).toBe(false);
    expect(verdict({ ...relative, floor: { value: null } }).pass).toBe(false);
    expect(failures([{ ...relative, value: 120 }])).toEqual(['Side panel / first rows, warm: 120 ms, floor 80.0 ms (budget ≤ 1.25 × floor)']);
  });

  it('prints a row per figure with floor, ratio, ok/FAIL and notes underneath', () => {
    const table = formatTable([warm, { section: 'Bundles', metric: 'background.js', value: 30.1, unit: 'kB gzip' }, { ...warm, value: 70, summary: undefined, note: 'slow' }, relative]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^Section\s+\| Metric .*\| Floor .*\| Ratio .*\| Budget/);
    expect(lines[2]).toMatch(/Side panel .*p50 42.3 ms .*≤ 60.0 ms\s*\| ok$/);
    expect(lines[3]).toMatch(/Bundles .*30.1 kB gzip/);
    expect(lines[4]).toMatch(/70.0 ms .*FAIL$/);
    expect(lines[5]).toContain('↳ slow');
    expect(lines[6]).toMatch(/100 ms\s+\| 80.0 ms \| 1.25× \| ≤ 1.25 × floor \| ok$/);
    expect(lines[7]).toContain('↳ floor: plain page');
  });
});

describe('three runs', () => {
  const run = (value: number, floor: number): Result => ({ ...relative, value, floor: { value: floor, label: 'plain page' } });

  it('takes the median of the runs and judges the median ratio to each run’s own floor', () => {
    // A slow third run slows figure and floor alike: the ratio stays steady, so it is judged.
    const [combined] = combineRuns([[run(100, 90)], [run(104, 92)], [run(150, 135)]]);
    expect(combined!.value).toBe(104);
    expect(combined!.runs!.values).toEqual([100, 104, 150]);
    expect(verdict(combined!)).toMatchObject({ pass: true, noisy: false });
    expect(formatTable([combined!])).toContain("3 runs: 100, 104, 150; ratio to that run's floor 1.11×, 1.13×, 1.11× (±2 %)");
  });

  it('reports a figure swinging beyond ±20 % as noisy with its spread instead of passing or failing it', () => {
    const [combined] = combineRuns([[{ ...warm, value: 40 }], [{ ...warm, value: 70 }], [{ ...warm, value: 45 }]]);
    expect(verdict(combined!)).toMatchObject({ pass: null, noisy: true });
    expect(failures([combined!])).toEqual([]);
    expect(noisy([combined!])[0]).toMatch(/3 runs: 40.0, 70.0, 45.0 \(±56 %, noisy: not judged\)/);
    expect(formatTable([combined!])).toMatch(/\| noisy\n/);
  });

  it('fails a figure that was not measured in one of the runs', () => {
    const [combined] = combineRuns([[{ ...warm, value: 40 }], [{ ...warm, value: null }], [{ ...warm, value: 41 }]]);
    expect(verdict(combined!).pass).toBe(false);
    expect(combined!.note).toContain('not measured in 1 of 3 runs');
  });
});
