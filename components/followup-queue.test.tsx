// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FollowupQueue, type FollowupGroupView } from './followup-queue';

afterEach(cleanup);

const groups: FollowupGroupView[] = [{
  incidentId: 'inc-42', reference: 'INC-42', name: 'Checkout failing', word: 'resolved',
  tickets: [
    { externalId: '48213', desk: 'Zendesk #48213', title: 'Checkout fails', url: 'https://acme.zendesk.com/agent/tickets/48213' },
    { externalId: 'https://desk.example.com/t/7', desk: 'FreeScout #7', title: 'Payment declined', url: 'https://desk.example.com/t/7' },
  ],
}];

describe('FollowupQueue', () => {
  it('groups tickets by incident with desk, title and a link that opens the ticket', () => {
    render(<FollowupQueue groups={groups} activeTicketId={null} onInsert={vi.fn()} onDone={vi.fn()} />);
    const group = screen.getByRole('region', { name: 'INC-42 resolved' });
    const rows = within(group).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Zendesk #48213');
    expect(within(rows[0]!).getByRole('link', { name: 'Checkout fails' }).getAttribute('href')).toBe('https://acme.zendesk.com/agent/tickets/48213');
    // Nothing to insert into until the ticket is open.
    expect(screen.queryByRole('button', { name: 'Insert resolution update' })).toBeNull();
  });

  it('offers the resolution update on the open ticket only, and Mark done on every row', () => {
    const onInsert = vi.fn();
    const onDone = vi.fn();
    render(<FollowupQueue groups={groups} activeTicketId="48213" onInsert={onInsert} onDone={onDone} />);
    fireEvent.click(screen.getByRole('button', { name: 'Insert resolution update' }));
    expect(onInsert).toHaveBeenCalledWith('inc-42', '48213');
    fireEvent.click(screen.getByRole('button', { name: 'Mark done: FreeScout #7' }));
    expect(onDone).toHaveBeenCalledWith('inc-42', 'https://desk.example.com/t/7');
  });

  it('says what the view is for when nothing is pending', () => {
    render(<FollowupQueue groups={[]} activeTicketId={null} onInsert={vi.fn()} onDone={vi.fn()} />);
    expect(screen.getByText(/No linked tickets to update/)).toBeTruthy();
  });
});
