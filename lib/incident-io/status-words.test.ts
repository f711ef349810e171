import { describe, expect, it } from 'vitest';
import type { IncidentStatus } from './schemas';
import {
  INVALID_STATUS_MESSAGE,
  checkStatusMove,
  defaultStatusMapping,
  isOpenCategory,
  parseStatusTarget,
  parseStatusWord,
  resolveTarget,
  statusWordFor,
  type StatusMapping,
} from './status-words';

const status = (id: string, name: string, category: string, rank: number): IncidentStatus => ({ id, name, category, rank });

// A realistic org, deliberately out of rank order, with a category incident.io might add one day.
const ORG: IncidentStatus[] = [
  status('st_closed', 'Closed', 'closed', 90),
  status('st_fixing', 'Fixing', 'live', 30),
  status('st_triage', 'Triage', 'triage', 0),
  status('st_investigating', 'Investigating', 'live', 20),
  status('st_monitoring', 'Monitoring', 'live', 40),
  status('st_paused', 'Paused', 'paused', 50),
  status('st_documenting', 'Documenting', 'learning', 60),
  status('st_declined', 'Declined', 'declined', 100),
  status('st_merged', 'Merged', 'merged', 110),
  status('st_frozen', 'Frozen', 'frozen', 70),
];
const byName = (name: string) => {
  const found = ORG.find((s) => s.name === name);
  if (!found) throw new Error(`no status ${name}`);
  return found;
};
const MAPPING: StatusMapping = defaultStatusMapping(ORG);

describe('parseStatusWord', () => {
  it.each([
    ['resolved', 'resolved'], ['Resolved', 'resolved'], ['  RESOLVED! ', 'resolved'], ['fixed', 'resolved'],
    ['closed', 'resolved'], ['done', 'resolved'], ['resolve', 'resolved'], ['solved', 'resolved'], ['over', 'resolved'],
    ['investigating', 'active'], ['ongoing', 'active'], ['live', 'active'], ['active', 'active'], ['open', 'active'],
    ['reopen', 'active'], ['re-open', 'active'], ['back to active', 'active'], ['Back  To Active', 'active'],
    ['watching', 'monitoring'], ['monitor', 'monitoring'], ['Monitoring', 'monitoring'], ['back to monitoring', 'monitoring'],
    ['triage', 'triage'], ['triaging', 'triage'],
    ['', null], ['banana', null], ['constructor', null], ['toString', null], ['resolved soon', null], ['back to', null],
  ])('%j → %j', (text, expected) => {
    expect(parseStatusWord(text)).toBe(expected);
  });
});

describe('defaultStatusMapping', () => {
  it('maps the four words onto a typical org', () => {
    expect(MAPPING).toEqual({
      triage: 'st_triage', active: 'st_investigating', monitoring: 'st_monitoring', resolved: 'st_closed',
    });
  });

  it('falls back when the org renamed or removed statuses', () => {
    const custom = [
      status('a', 'Watching it', 'live', 5),
      status('b', 'Mitigating', 'live', 3),
      status('c', 'Retro', 'learning', 10),
      status('d', 'Archived', 'closed', 20),
    ];
    expect(defaultStatusMapping(custom)).toEqual({ triage: null, active: 'b', monitoring: null, resolved: 'c' });
  });

  it('returns nulls for an empty list', () => {
    expect(defaultStatusMapping([])).toEqual({ triage: null, active: null, monitoring: null, resolved: null });
  });
});

describe('statusWordFor', () => {
  it.each([
    ['Triage', 'triage'], ['Investigating', 'active'], ['Fixing', 'active'], ['Monitoring', 'monitoring'],
    ['Paused', 'active'], ['Documenting', 'resolved'], ['Closed', 'resolved'], ['Declined', 'resolved'],
    ['Merged', 'resolved'], ['Frozen', null],
  ])('%s → %j', (name, expected) => {
    expect(statusWordFor(byName(name), MAPPING)).toBe(expected);
  });

  it('prefers the mapped id over the category', () => {
    const mapping = { ...MAPPING, monitoring: 'st_fixing' };
    expect(statusWordFor(byName('Fixing'), mapping)).toBe('monitoring');
  });

  it('handles canceled and unknown categories without throwing', () => {
    expect(statusWordFor(status('x', 'Canceled', 'canceled', 1), MAPPING)).toBe('resolved');
    expect(statusWordFor(status('y', 'Thawing', 'thawing', 1), MAPPING)).toBeNull();
  });
});

describe('parseStatusTarget', () => {
  const names = ORG.map((s) => s.name);
  it.each([
    ['resolved', { word: 'resolved' }],
    ['Fixing', { statusName: 'Fixing' }],
    ['fixing', { statusName: 'Fixing' }],
    ['investigating', { statusName: 'Investigating' }],
    ['closed', { statusName: 'Closed' }],
    ['monitoring', { word: 'monitoring' }],
    ['fixed', { word: 'resolved' }],
    ['back to active', { word: 'active' }],
    ['sideways', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(parseStatusTarget(input, names)).toEqual(expected);
  });
});

describe('resolveTarget', () => {
  it.each([
    ['resolved', 'Closed'], ['Fixed', 'Closed'], ['active', 'Investigating'], ['monitoring', 'Monitoring'],
    ['watching', 'Monitoring'], ['Documenting', 'Documenting'], ['  fixing ', 'Fixing'], ['triage', 'Triage'],
  ])('%j → %s', (input, expected) => {
    const result = resolveTarget(input, ORG, MAPPING);
    expect('status' in result && result.status.name).toBe(expected);
  });

  it('answers the seed error text plus the org status names for anything else', () => {
    expect(resolveTarget('sideways', ORG, MAPPING)).toEqual({
      error: `${INVALID_STATUS_MESSAGE} Your incident.io statuses work too: Investigating, Fixing, Monitoring, Paused, Documenting, Closed.`,
    });
  });

  it('answers exactly the seed text when the org has no statuses loaded', () => {
    expect(resolveTarget('sideways', [], MAPPING)).toEqual({ error: INVALID_STATUS_MESSAGE });
  });

  it('explains when a word has no status chosen', () => {
    const result = resolveTarget('monitoring', ORG, { ...MAPPING, monitoring: null });
    expect(result).toEqual({ error: expect.stringContaining('no incident.io status is chosen for "monitoring"') });
  });
});

describe('checkStatusMove', () => {
  it.each([
    ['Investigating', 'Fixing'],
    ['Fixing', 'Monitoring'],
    ['Monitoring', 'Investigating'],
    ['Paused', 'Fixing'],
    ['Fixing', 'Paused'],
    ['Triage', 'Closed'],
    ['Triage', 'Documenting'],
    ['Fixing', 'Documenting'],
    ['Monitoring', 'Closed'],
    ['Paused', 'Closed'],
    ['Documenting', 'Closed'],
  ])('allows %s → %s', (from, to) => {
    expect(checkStatusMove(byName(from), byName(to))).toEqual({ allowed: true });
  });

  it.each([
    ['Fixing', 'Fixing', 'INC-12 is already Fixing.'],
    ['Triage', 'Investigating', 'incident.io only lets you accept a triage incident in the incident.io app or Slack, not through the API.'],
    ['Fixing', 'Triage', "An incident can't go back to triage."],
    ['Closed', 'Investigating', 'Reopening a resolved incident has to be done in incident.io.'],
    ['Documenting', 'Monitoring', 'Reopening a resolved incident has to be done in incident.io.'],
    ['Declined', 'Fixing', 'Reopening a resolved incident has to be done in incident.io.'],
    ['Fixing', 'Declined', 'Declining, cancelling or merging an incident has to be done in incident.io.'],
    ['Triage', 'Merged', 'Declining, cancelling or merging an incident has to be done in incident.io.'],
    ['Closed', 'Documenting', 'Moving INC-12 from Closed to Documenting has to be done in incident.io.'],
    ['Fixing', 'Frozen', 'Moving INC-12 from Fixing to Frozen has to be done in incident.io.'],
    ['Frozen', 'Closed', 'Moving INC-12 from Frozen to Closed has to be done in incident.io.'],
  ])('refuses %s → %s', (from, to, reason) => {
    expect(checkStatusMove(byName(from), byName(to), 'INC-12')).toEqual({ allowed: false, reason });
  });

  it('refuses moving between post-incident statuses', () => {
    const review = status('st_review', 'Reviewing', 'learning', 65);
    const move = checkStatusMove(byName('Documenting'), review);
    expect(move).toEqual({ allowed: false, reason: expect.stringContaining("can't be changed through the API") });
  });

  it('speaks generically without a reference', () => {
    expect(checkStatusMove(byName('Fixing'), byName('Fixing'))).toEqual({ allowed: false, reason: 'This incident is already Fixing.' });
  });
});

describe('isOpenCategory', () => {
  it.each([
    ['triage', true], ['live', true], ['paused', true],
    ['learning', false], ['closed', false], ['declined', false], ['canceled', false], ['merged', false], ['frozen', false],
  ])('%s → %s', (category, expected) => {
    expect(isOpenCategory(category)).toBe(expected);
  });
});
