import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './diff';
import { edited, makeIncident, severity, status } from './test-fixtures';

const a = makeIncident(1, { severity: severity.minor });
const b = makeIncident(2);
const watched = new Set([a.id, b.id]);

describe('diffSnapshots', () => {
  it('reports nothing on the first snapshot, however many incidents are open', () => {
    expect(diffSnapshots(null, [a, b], watched)).toEqual({ declared: [], statusChanged: [], severityChanged: [] });
  });

  it.each([
    ['nothing changed', [a, b], [a, b], { declared: 0, status: 0, severity: 0 }],
    ['a new incident is declared', [a], [a, b], { declared: 1, status: 0, severity: 0 }],
    ['an incident left the list (not fetched)', [a, b], [a], { declared: 0, status: 0, severity: 0 }],
    ['a watched status moved', [a], [edited(a, { incident_status: status.monitoring })], { declared: 0, status: 1, severity: 0 }],
    ['a watched severity rose', [a], [edited(a, { severity: severity.critical })], { declared: 0, status: 0, severity: 1 }],
    ['status and severity both moved', [a], [edited(a, { incident_status: status.monitoring, severity: severity.major })],
      { declared: 0, status: 1, severity: 1 }],
    ['only the name changed', [a], [edited(a, { name: 'Renamed' })], { declared: 0, status: 0, severity: 0 }],
  ])('%s', (_label, prev, next, counts) => {
    const diff = diffSnapshots(prev, next, watched);
    expect({ declared: diff.declared.length, status: diff.statusChanged.length, severity: diff.severityChanged.length })
      .toEqual(counts);
  });

  it('reports from and to for status and severity, including a severity being set or cleared', () => {
    const moved = edited(a, { incident_status: status.monitoring, severity: undefined });
    const diff = diffSnapshots([a, b], [moved, edited(b, { severity: severity.major })], watched);
    expect(diff.statusChanged).toEqual([{ incident: moved, from: status.investigating, to: status.monitoring }]);
    expect(diff.severityChanged).toEqual([
      { incident: moved, from: severity.minor, to: undefined },
      { incident: expect.objectContaining({ id: b.id }), from: undefined, to: severity.major },
    ]);
  });

  it('ignores status and severity changes of incidents nobody watches', () => {
    const diff = diffSnapshots([a], [edited(a, { incident_status: status.monitoring, severity: severity.critical })], new Set());
    expect(diff).toEqual({ declared: [], statusChanged: [], severityChanged: [] });
  });

  it('reports a watched incident fetched after it left the open list as a status change', () => {
    const resolved = edited(a, { incident_status: status.closed });
    expect(diffSnapshots([a, b], [b, resolved], watched).statusChanged)
      .toEqual([{ incident: resolved, from: status.investigating, to: status.closed }]);
  });
});
