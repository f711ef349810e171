// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IncidentList, ROW_HEIGHT, type IncidentListProps } from './incident-list';
import { NOW, makeIncident, minutesAgo, severities, statusById } from './test-fixtures';

afterEach(cleanup);

function renderList(props: Partial<IncidentListProps> = {}) {
  const onOpen = vi.fn();
  const onRefresh = vi.fn();
  render(
    <IncidentList incidents={[]} severities={severities} onOpen={onOpen} onRefresh={onRefresh} now={NOW} {...props} />,
  );
  return { onOpen, onRefresh, region: screen.getByRole('region', { name: 'Open incidents' }) };
}

const triage = makeIncident({ name: 'Checkout failing', incident_status: statusById('st-triage') });
const live = makeIncident({ name: 'Login slow', severity: severities[1], created_at: minutesAgo(180) });
const paused = makeIncident({ name: 'Billing export stuck', incident_status: statusById('st-paused'), created_at: minutesAgo(2 * 24 * 60) });
const secret = makeIncident({ name: 'Key leak', visibility: 'private' });
const closed = makeIncident({ name: 'Old outage', incident_status: statusById('st-closed') });

describe('IncidentList', () => {
  it('groups open incidents into Triage and Active with counts, dropping finished ones', () => {
    const { region } = renderList({ incidents: [triage, live, paused, secret, closed] });
    const triageGroup = within(region).getByRole('group', { name: 'Triage' });
    const activeGroup = within(region).getByRole('group', { name: 'Active' });
    expect(within(triageGroup).getByText('1')).toBeTruthy();
    expect(within(triageGroup).getAllByRole('listitem')).toHaveLength(1);
    expect(within(activeGroup).getByText('3')).toBeTruthy();
    expect(within(activeGroup).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.queryByText('Old outage')).toBeNull();
  });

  it('shows reference, name, severity, status and age on each row', () => {
    renderList({ incidents: [live] });
    const row = screen.getByRole('button', { name: /Login slow/ });
    expect(row.textContent).toContain(live.reference);
    expect(row.textContent).toContain('Critical');
    expect(row.textContent).toContain('Investigating');
    expect(row.textContent).toContain('3 h');
  });

  it('marks private and paused incidents in words', () => {
    renderList({ incidents: [paused, secret] });
    expect(within(screen.getByRole('button', { name: /Key leak/ })).getByText('Private')).toBeTruthy();
    const pausedRow = screen.getByRole('button', { name: /Billing export stuck/ });
    expect(within(pausedRow).getByText('Paused')).toBeTruthy();
    expect(pausedRow.textContent).toContain('2 d');
  });

  it('shows how many help-desk tickets are linked, only where there are any', () => {
    renderList({ incidents: [live, triage, paused], ticketCounts: { [live.id]: 12, [triage.id]: 1, [paused.id]: 0 } });
    expect(within(screen.getByRole('button', { name: /Login slow/ })).getByText('12 tickets')).toBeTruthy();
    expect(within(screen.getByRole('button', { name: /Checkout failing/ })).getByText('1 ticket')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Billing export stuck/ }).textContent).not.toContain('ticket');
  });

  it('filters by text across reference, name and status', () => {
    renderList({ incidents: [triage, live, paused] });
    const filter = screen.getByRole('textbox', { name: 'Filter incidents' });
    fireEvent.change(filter, { target: { value: 'login' } });
    expect(screen.getByRole('button', { name: /Login slow/ })).toBeTruthy();
    expect(screen.queryByText('Checkout failing')).toBeNull();
    fireEvent.change(filter, { target: { value: triage.reference.toLowerCase() } });
    expect(screen.getByText('Checkout failing')).toBeTruthy();
    fireEvent.change(filter, { target: { value: 'nothing like this' } });
    expect(screen.getByText(/No incidents match/)).toBeTruthy();
  });

  it('answers "Is there a known incident?" when nothing is open', () => {
    renderList({ incidents: [closed] });
    expect(screen.getByText('Is there a known incident?')).toBeTruthy();
    expect(screen.getByText('No known incidents right now')).toBeTruthy();
  });

  it('opens an incident from its row and refreshes on request', () => {
    const { onOpen, onRefresh } = renderList({ incidents: [live], updatedAt: NOW - 5 * 60_000 });
    fireEvent.click(screen.getByRole('button', { name: /Login slow/ }));
    expect(onOpen).toHaveBeenCalledWith(live);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(onRefresh).toHaveBeenCalled();
    expect(screen.getByText(/Updated/).textContent).toBe('Updated 5 min ago');
  });

  it('renders a window of 1,000 rows and keeps their place in the set', () => {
    const many = Array.from({ length: 1000 }, (_, i) => makeIncident({ name: `Bulk ${i}` }));
    const { region } = renderList({ incidents: many });
    const list = within(region).getByRole('list', { name: 'Active incidents' });
    const rendered = within(list).getAllByRole('listitem');
    expect(rendered.length).toBeLessThan(60);
    expect(rendered[0]?.getAttribute('aria-setsize')).toBe('1000');
    expect(rendered[0]?.getAttribute('aria-posinset')).toBe('1');

    const scroller = list.closest('.incident-scroll') as HTMLElement;
    scroller.scrollTop = 500 * ROW_HEIGHT;
    fireEvent.scroll(scroller);
    expect(screen.getByRole('button', { name: /Bulk 500\b/ })).toBeTruthy();
    expect(screen.queryByText('Bulk 0')).toBeNull();
    const first = within(list).getAllByRole('listitem')[0];
    expect(Number(first?.getAttribute('aria-posinset'))).toBeGreaterThan(480);
  });

  it('moves focus between rows with the arrow keys', () => {
    renderList({ incidents: [live, secret] });
    const first = screen.getByRole('button', { name: /Login slow/ });
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /Key leak/ }));
  });

  it('renders hostile incident text as text', () => {
    renderList({ incidents: [makeIncident({ name: '<img src=x onerror=alert(1)>' })] });
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });
});
