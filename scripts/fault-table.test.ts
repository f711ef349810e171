import { describe, expect, it } from 'vitest';
import type { FaultRow } from '../e2e/fault-log';
import { formatFaultTable, tableFails } from './fault-table';

const row = (overrides: Partial<FaultRow> = {}): FaultRow => ({
  fault: '503', action: 'declare', saw: 'incident.io had a problem (HTTP 503). Try again in a moment. (request ID: 01M8BDB3RGFGW6CS7V5CXWSF1C)',
  dataLost: 0, duplicates: 0, recovered: true, ...overrides,
});

describe('fault table', () => {
  it('prints one row per fault without per-run request IDs, and the totals', () => {
    const table = formatFaultTable([row(), row({ fault: '404', saw: 'a | b' })]);
    expect(table).toContain('| 503 | declare | incident.io had a problem (HTTP 503). Try again in a moment. | 0 | 0 | yes |');
    expect(table).toContain('a \\| b');
    expect(table).not.toContain('01M8BDB3');
    expect(table).toContain('2 faults: 0 values lost, 0 duplicates, 0 not recovered.');
  });

  it('fails on lost data, duplicates, no recovery, or no rows at all', () => {
    expect(tableFails([row()])).toBe(false);
    expect(tableFails([row({ dataLost: 1 })])).toBe(true);
    expect(tableFails([row({ duplicates: 1 })])).toBe(true);
    expect(tableFails([row({ recovered: false })])).toBe(true);
    expect(tableFails([])).toBe(true);
  });
});
