import { describe, expect, it } from 'vitest';
import { LABELLED_INCIDENTS } from './fixtures-incidents';
import { indexIncidents } from './rank';
import { detectSpike, MAX_VIEWED_TEXT, rememberViewed, spikeSummary, viewedTicket, type ViewedTicket } from './spike';

const MINUTE = 60_000;
const WINDOW = 60 * MINUTE;
const T0 = 1_800_000_000_000;
// INC-106 (exports) is not open here: export tickets match no open incident.
const withoutExports = LABELLED_INCIDENTS.filter((i) => i.reference !== 'INC-106');
const open = { incidents: withoutExports, index: indexIncidents(withoutExports) };

const EXPORT_TICKETS = [
  { subject: 'Export stuck', text: 'I exported my orders to CSV 3 hours ago and it still says "Processing".' },
  { subject: 'CSV export not working', text: 'export of products as csv is spinning forever. processing processing...' },
  { subject: 'order export', text: 'I need my orders as a spreadsheet but the export has been "processing" since lunch.' },
];
const OTHER = [
  { subject: 'Gift cards', text: 'Do you support gift cards?' },
  { subject: 'Checkout 502', text: 'card payments fail at checkout with 502' }, // explained by INC-101
];

function view(list: ViewedTicket[], ticket: { subject: string; text: string }, i: number, at: number) {
  return rememberViewed(list, viewedTicket({ ...ticket, url: `https://acme.zendesk.com/agent/tickets/${i}`, title: ticket.subject }, at), WINDOW);
}

describe('spike detection', () => {
  it('finds 3 similar tickets that match no open incident, named from their common words', () => {
    let list: ViewedTicket[] = [];
    [...EXPORT_TICKETS, ...OTHER].forEach((t, i) => { list = view(list, t, i, T0 + i * MINUTE); });
    const spike = detectSpike(list, 'https://acme.zendesk.com/agent/tickets/2', open, T0 + 10 * MINUTE, WINDOW);
    expect(spike?.count).toBe(3);
    expect(spike?.tickets.map((t) => t.title).sort()).toEqual(['CSV export not working', 'Export stuck', 'order export']);
    expect(spike?.name).toMatch(/^Customer reports: .*export/);
    expect(spikeSummary(spike!, 60)).toContain('- Export stuck: https://acme.zendesk.com/agent/tickets/0');
  });

  it('is no spike with two similar tickets, or when the current ticket is unrelated', () => {
    let list: ViewedTicket[] = [];
    EXPORT_TICKETS.slice(0, 2).forEach((t, i) => { list = view(list, t, i, T0); });
    expect(detectSpike(list, 'https://acme.zendesk.com/agent/tickets/1', open, T0, WINDOW)).toBeNull();
    list = view(list, EXPORT_TICKETS[2]!, 2, T0);
    list = view(list, OTHER[0]!, 3, T0);
    expect(detectSpike(list, 'https://acme.zendesk.com/agent/tickets/3', open, T0, WINDOW)).toBeNull();
  });

  it('forgets tickets viewed before the window', () => {
    let list: ViewedTicket[] = [];
    EXPORT_TICKETS.forEach((t, i) => { list = view(list, t, i, T0 + i * 30 * MINUTE); });
    // The first was viewed 60 minutes before the third.
    expect(list.map((t) => t.title)).toEqual(['CSV export not working', 'order export']);
    expect(detectSpike(list, 'https://acme.zendesk.com/agent/tickets/2', open, T0 + 60 * MINUTE, WINDOW)).toBeNull();
    // A longer window (the setting) keeps them.
    let long: ViewedTicket[] = [];
    EXPORT_TICKETS.forEach((t, i) => { long = rememberViewed(long, viewedTicket({ ...t, url: `u${i}`, title: t.subject }, T0 + i * 30 * MINUTE), 120 * MINUTE); });
    expect(detectSpike(long, 'u2', open, T0 + 60 * MINUTE, 120 * MINUTE)?.count).toBe(3);
  });

  it('is no spike once an open incident explains the tickets', () => {
    let list: ViewedTicket[] = [];
    EXPORT_TICKETS.forEach((t, i) => { list = view(list, t, i, T0); });
    const all = { incidents: LABELLED_INCIDENTS, index: indexIncidents(LABELLED_INCIDENTS) };
    expect(detectSpike(list, 'https://acme.zendesk.com/agent/tickets/2', all, T0, WINDOW)).toBeNull();
  });

  it('remembers a bounded text without signatures, once per ticket', () => {
    const long = viewedTicket({ subject: 's', text: `${'word '.repeat(2_000)}\nBest regards,\nJana\nPayments@x`, url: 'u', title: 't' }, T0);
    expect(long.text.length).toBeLessThanOrEqual(MAX_VIEWED_TEXT);
    const signed = viewedTicket({ subject: 's', text: 'Export stuck.\nBest regards,\nJana\nPayments@x', url: 'u', title: 't' }, T0);
    expect(signed.text).toBe('Export stuck.');
    expect(rememberViewed(rememberViewed([], signed, WINDOW), { ...signed, viewedAt: T0 + 1 }, WINDOW)).toHaveLength(1);
  });
});
