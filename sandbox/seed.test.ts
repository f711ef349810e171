import { describe, expect, it } from 'vitest';
import { createSeedState, SEED_INCIDENTS } from './seed';
import { ULID_PATTERN } from './ulid';

describe('createSeedState', () => {
  it('mints the same ULID-shaped ids whenever the sandbox starts', () => {
    const a = createSeedState(Date.parse('2026-01-01T00:00:00Z'));
    const b = createSeedState(Date.parse('2026-06-01T12:34:56Z'));
    const ids = (s: typeof a) => [...s.incidents, ...s.updates, ...s.statuses].map((x) => x.id);
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a).every((id) => ULID_PATTERN.test(id))).toBe(true);
    expect(new Set(ids(a)).size).toBe(ids(a).length);
  });

  it('places the timeline just before the start: INC-123 is open and minutes old', () => {
    const now = Date.now();
    const state = createSeedState(now);
    const open = state.incidents.find((i) => i.reference === `INC-${SEED_INCIDENTS.open}`);
    expect(open?.incident_status.category).toBe('live');
    expect(now - Date.parse(open?.created_at ?? '')).toBeLessThan(3 * 3_600_000);
    expect(state.updates.filter((u) => u.incident_id === open?.id).length).toBeGreaterThanOrEqual(2);
  });

  it('has non-contiguous references and every well-known incident', () => {
    const numbers = createSeedState(Date.now()).incidents.map((i) => Number(i.reference.slice(4))).sort((x, y) => x - y);
    expect(numbers.some((n, i) => i > 0 && n - (numbers[i - 1] ?? n) > 1)).toBe(true);
    expect(numbers).toEqual(expect.arrayContaining(Object.values(SEED_INCIDENTS)));
  });
});
