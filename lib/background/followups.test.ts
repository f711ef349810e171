import { describe, expect, it } from 'vitest';
import type { IncidentAttachment } from '@/lib/incident-io/schemas';
import {
  endWord, followedIds, type FollowupEvent, followupQueue, type Followups, followupsSchema, markDone, notificationText, observe, queueCount,
  splitTicketTitle,
} from './followups';
import { makeIncident, status } from './test-fixtures';

const resolved = { id: 'st-documenting', name: 'Documenting', category: 'learning', rank: 4 };
const inc = makeIncident(42);
const at = (s: typeof inc.incident_status) => ({ ...inc, incident_status: s });

function ticket(n: number, type = 'zendesk_ticket'): IncidentAttachment {
  return {
    id: `att-${n}`, incident_id: inc.id,
    resource: { external_id: String(n), permalink: `https://acme.zendesk.com/agent/tickets/${n}`, title: `Zendesk #${n}: Checkout fails`, resource_type: type },
  };
}
const four = [ticket(1), ticket(2), ticket(3), ticket(4)];

/** Runs observations in order, collecting the notifications raised. */
function run(steps: Array<[typeof inc, IncidentAttachment[] | undefined]>, start: Followups = {}) {
  let state = start;
  const events: FollowupEvent[] = [];
  steps.forEach(([incident, attachments], i) => {
    const step = observe(state, incident, attachments, 1_000 * (i + 1));
    state = step.state;
    if (step.event) events.push(step.event);
  });
  return { state, events };
}

describe('follow-up state transitions', () => {
  it('an incident with linked tickets that resolves queues its tickets and raises one notification', () => {
    const { state, events } = run([[at(status.investigating), four], [at(resolved), four]]);
    expect(events).toEqual([{ incidentId: inc.id, reference: 'INC-42', word: 'resolved', pending: 4 }]);
    expect(notificationText(events[0]!)).toEqual({ title: 'INC-42 resolved', message: '4 linked tickets to update' });
    expect(followupQueue(state).map((entry) => entry.pending.map((t) => t.externalId))).toEqual([['1', '2', '3', '4']]);
    expect(queueCount(state)).toBe(4);
  });

  it('an incident first seen already ended (first poll after install) is queued without a notification; its next end notifies', () => {
    const { state, events } = run([[at(resolved), four]]);
    expect(events).toEqual([]);
    expect(queueCount(state)).toBe(4);
    const later = run([[at(status.investigating), four], [at(resolved), four]], state);
    expect(later.events).toEqual([]);
    const closed = { id: 'st-closed', name: 'Closed', category: 'closed', rank: 5 };
    expect(run([[at(closed), four]], later.state).events).toEqual([{ incidentId: inc.id, reference: 'INC-42', word: 'closed', pending: 4 }]);
  });

  it('open incidents queue nothing; incidents without tickets are not tracked', () => {
    expect(followupQueue(run([[at(status.investigating), four]]).state)).toEqual([]);
    expect(run([[at(resolved), []]]).state).toEqual({});
  });

  it('flapping never duplicates a ticket, loses a done mark or notifies the same end twice', () => {
    let { state } = run([[at(status.investigating), four], [at(status.monitoring), four]]);
    state = markDone(state, inc.id, '2', 5_000);
    const flap = run([[at(status.investigating), four], [at(status.monitoring), four], [at(status.investigating), four], [at(status.monitoring), four]], state);
    expect(flap.events).toEqual([]);
    const [entry] = followupQueue(flap.state);
    expect(entry?.pending.map((t) => t.externalId)).toEqual(['1', '3', '4']);
    expect(flap.state[inc.id]?.tickets['2']?.doneAt).toBe(5_000);
    // A later, different end (resolved after monitoring) is news: only the pending tickets count.
    const end = run([[at(resolved), four]], flap.state);
    expect(end.events.map((e) => notificationText(e))).toEqual([{ title: 'INC-42 resolved', message: '3 linked tickets to update' }]);
  });

  it('a failed attachments read keeps the known tickets; an unlink removes one', () => {
    const { state } = run([[at(status.investigating), four], [at(resolved), undefined]]);
    expect(queueCount(state)).toBe(4);
    expect(queueCount(run([[at(resolved), [ticket(1)]]], state).state)).toBe(1);
  });

  it('tickets linked later (by other agents) join the queue without another notification', () => {
    const { state, events } = run([[at(status.investigating), [ticket(1)]], [at(resolved), [ticket(1)]], [at(resolved), [ticket(1), ticket(9)]]]);
    expect(events).toHaveLength(1);
    expect(queueCount(state)).toBe(2);
  });

  it('marking done twice keeps the first time; all done empties the queue; one ticket reads singular', () => {
    const { state, events } = run([[at(status.investigating), [ticket(1)]], [at(status.closed), [ticket(1)]]]);
    expect(notificationText(events[0]!)).toEqual({ title: 'INC-42 closed', message: '1 linked ticket to update' });
    const once = markDone(state, inc.id, '1', 10);
    expect(markDone(once, inc.id, '1', 20)[inc.id]?.tickets['1']?.doneAt).toBe(10);
    expect(followupQueue(once)).toEqual([]);
    expect(markDone(state, 'unknown', '1', 10)).toBe(state);
  });

  it('non-ticket attachments (status page, Jira) are not follow-ups', () => {
    const { state } = run([[at(resolved), [ticket(1, 'statuspage_incident'), ticket(2, 'jira_issue'), ticket(3, 'arbitrary_url')]]]);
    expect(followupQueue(state)[0]?.pending.map((t) => t.externalId)).toEqual(['3']);
  });

  it('the stored state survives a round trip through its schema (a restarted worker reads it back)', () => {
    const { state } = run([[at(status.investigating), four], [at(resolved), four]]);
    expect(followupsSchema.parse(JSON.parse(JSON.stringify(markDone(state, inc.id, '1', 7))))).toEqual(markDone(state, inc.id, '1', 7));
  });

  it('reads links of departed and recently ended incidents with pending tickets only', () => {
    const tracked = run([[at(status.investigating), four]]).state;
    expect(followedIds(tracked, new Set([inc.id]), 2_000)).toEqual([]);
    expect(followedIds(tracked, new Set(), 2_000)).toEqual([inc.id]);
    const ended = run([[at(resolved), four]]).state;
    expect(followedIds(ended, new Set(), 2_000)).toEqual([inc.id]);
    expect(followedIds(ended, new Set(), 4 * 24 * 60 * 60_000)).toEqual([]);
    let done = ended;
    for (const n of ['1', '2', '3', '4']) done = markDone(done, inc.id, n, 1_500);
    expect(followedIds(done, new Set(), 2_000)).toEqual([]);
  });
});

describe('end words', () => {
  it.each([
    [status.investigating, null], [status.triage, null], [status.paused, null],
    [status.monitoring, 'monitoring'], [resolved, 'resolved'], [status.closed, 'closed'],
    [{ id: 'd', name: 'Declined', category: 'declined', rank: 9 }, null],
  ])('%o → %s', (s, word) => expect(endWord(s)).toBe(word));

  it('splits the desk label from the ticket subject', () => {
    expect(splitTicketTitle('Zendesk #48300: Checkout fails: again')).toEqual({ desk: 'Zendesk #48300', subject: 'Checkout fails: again' });
    expect(splitTicketTitle('FreeScout #7')).toEqual({ desk: 'FreeScout #7', subject: '' });
  });
});
