import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyBadge, badgeFor } from './badge';
import { makeIncident, orgSeverities, severity, status } from './test-fixtures';

const RED = '#D92D20';
const ORANGE = '#EA580C';
const AMBER = '#F59E0B';
const GREY = '#6B7280';
const NEUTRAL = '#5F6368';

const open = (incidents: ReturnType<typeof makeIncident>[], severities = orgSeverities) =>
  badgeFor({ kind: 'open', incidents, severities });

describe('badgeFor', () => {
  it('counts triage, live and paused incidents and names them in the tooltip, most severe first', () => {
    const badge = open([
      makeIncident(1, { name: 'Search slow', severity: severity.minor, incident_status: status.triage }),
      makeIncident(2, { name: 'Checkout failing', severity: severity.critical }),
      makeIncident(3, { name: 'Emails delayed', severity: severity.major, incident_status: status.paused }),
    ]);
    expect(badge.text).toBe('3');
    expect(badge.title).toBe('3 open incidents: INC-2 Checkout failing (Critical), INC-3 Emails delayed (Major), INC-1 Search slow (Minor)');
  });

  it('is blank and neutral with no open incidents', () => {
    expect(open([])).toMatchObject({ text: '', color: NEUTRAL, title: 'Incident Copilot: no open incidents' });
  });

  it('shows 99+ past 99', () => {
    const many = Array.from({ length: 120 }, (_, i) => makeIncident(i + 1));
    expect(open(many).text).toBe('99+');
    expect(open(many.slice(0, 99)).text).toBe('99');
  });

  it.each([
    ['the top severity', severity.critical, RED],
    ['the next severity', severity.major, ORANGE],
    ['a lower severity', severity.minor, AMBER],
    ['no severity', undefined, GREY],
  ])('takes its colour from the most severe open incident: %s', (_label, worst, color) => {
    const incidents = [makeIncident(1, { severity: worst }), makeIncident(2)];
    expect(open(incidents).color).toBe(color);
  });

  it('places a severity missing from the cached ladder by its rank', () => {
    const sev0 = { id: 'sev-new', name: 'SEV0', rank: 9 };
    expect(open([makeIncident(1, { severity: sev0 }), makeIncident(2, { severity: severity.critical })]).color).toBe(RED);
    const between = { id: 'sev-between', name: 'Moderate', rank: 2.5 };
    expect(open([makeIncident(1, { severity: between })]).color).toBe(ORANGE);
  });

  it('shows amber for a severity when the org ladder could not be loaded', () => {
    expect(open([makeIncident(1, { severity: severity.critical })], []).color).toBe(AMBER);
  });

  it('does not count an incident in a category it does not know', () => {
    const odd = makeIncident(2, { incident_status: { id: 'st-new', name: 'Brand new', category: 'quantum', rank: 9 } });
    expect(open([makeIncident(1), odd])).toMatchObject({ text: '1', title: '1 open incident: INC-1 Incident 1' });
  });

  it('never names a private incident', () => {
    const badge = open([makeIncident(12, { name: 'Data breach at Acme', visibility: 'private', severity: severity.critical })]);
    expect(badge.title).toBe('1 open incident: INC-12 Private incident (Critical)');
  });

  it('lists five incidents, then says how many more, with long names shortened', () => {
    const incidents = Array.from({ length: 8 }, (_, i) => makeIncident(i + 1, { name: `${'Very long name '.repeat(10)}${i}` }));
    const { title } = open(incidents);
    expect(title.startsWith('8 open incidents: INC-')).toBe(true);
    expect(title.endsWith(', and 3 more')).toBe(true);
    expect(title.match(/INC-\d/g)).toHaveLength(5);
    expect(title).toContain('…');
    expect(title.length).toBeLessThanOrEqual(400);
  });

  it('marks a rejected key, an unreachable API and a missing connection distinctly', () => {
    expect(badgeFor({ kind: 'key_rejected' })).toMatchObject({ text: '!', color: RED, title: 'incident.io key rejected: open Settings' });
    expect(badgeFor({ kind: 'unreachable' })).toMatchObject({ text: '?', color: GREY, title: "Can't reach incident.io" });
    expect(badgeFor({ kind: 'not_configured' }))
      .toMatchObject({ text: '', title: 'Incident Copilot: connect your incident.io API key in Settings' });
  });
});

describe('applyBadge', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sets the toolbar text, colour and tooltip', async () => {
    await applyBadge(badgeFor({ kind: 'key_rejected' }));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xd9, 0x2d, 0x20, 255]);
    expect(await fakeBrowser.action.getTitle({})).toBe('incident.io key rejected: open Settings');
  });
});

describe('badgeFor with several workspaces', () => {
  const workspaces = [
    { name: 'Acme', count: 99, active: true },
    { name: 'Globex', count: 2, active: false },
  ];

  it('counts the sum and names each workspace with its count in the tooltip', () => {
    const badge = badgeFor({ kind: 'open', incidents: [makeIncident(1, { severity: severity.critical })], severities: orgSeverities, workspaces });
    // The active workspace counts from its own list (1), not a stale poll count.
    expect(badge).toMatchObject({ text: '3', color: RED });
    expect(badge.title).toBe('3 open incidents (Acme: 1, Globex: 2). 1 open incident: INC-1 Incident 1 (Critical)');
  });

  it('shows the other workspaces’ incidents when the active one has none', () => {
    const badge = badgeFor({ kind: 'open', incidents: [], severities: orgSeverities, workspaces });
    expect(badge).toMatchObject({ text: '2', title: '2 open incidents (Acme: 0, Globex: 2)' });
  });
});
