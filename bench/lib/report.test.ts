import { describe, expect, it } from 'vitest';
import { failures, formatTable, formatValue, type Result, verdict } from './report';
import { summarize } from './stats';

const warm: Result = {
  section: 'Side panel', metric: 'warm open → incidents painted', value: 42.25, unit: 'ms', headline: 'median',
  summary: summarize([40, 42.25, 44.5, 80]), budget: { max: 60 },
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

  it('prints a row per figure with ok/FAIL and notes underneath', () => {
    const table = formatTable([warm, { section: 'Bundles', metric: 'background.js', value: 30.1, unit: 'kB gzip' }, { ...warm, value: 70, summary: undefined, note: 'slow' }]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^Section\s+\| Metric/);
    expect(lines[2]).toMatch(/Side panel .*p50 42.3 ms .*≤ 60.0 ms \| ok$/);
    expect(lines[3]).toMatch(/Bundles .*30.1 kB gzip/);
    expect(lines[4]).toMatch(/70.0 ms .*FAIL$/);
    expect(lines[5]).toContain('↳ slow');
  });
});
