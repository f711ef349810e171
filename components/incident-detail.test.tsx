// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IncidentDetail, type IncidentDetailProps } from './incident-detail';
import type { MoveCheck, StatusTarget } from './status-changer';
import { NOW, makeIncident, makeUpdate, minutesAgo, severities, statusById, statuses } from './test-fixtures';

afterEach(cleanup);

const incident = makeIncident({
  reference: 'INC-123',
  name: 'Payments API returning 500s',
  summary: 'Card payments fail for EU customers.',
  severity: severities[2],
  incident_type: { id: 'type-default', name: 'Default' },
  incident_role_assignments: [
    { role: { id: 'r1', name: 'Incident Lead', role_type: 'lead' }, assignee: { id: 'u2', name: 'Grace Hopper' } },
  ],
  slack_channel_name: 'inc-123-payments',
  permalink: 'https://app.incident.io/acme/incidents/123',
  created_at: minutesAgo(45),
});

function renderDetail(props: Partial<IncidentDetailProps> = {}) {
  const onUpdateStatus = vi.fn();
  render(
    <IncidentDetail
      incident={incident}
      updates={[]}
      severities={severities}
      statuses={statuses}
      canEdit
      checkMove={() => ({ allowed: true })}
      onUpdateStatus={onUpdateStatus}
      now={NOW}
      {...props}
    />,
  );
  return { onUpdateStatus };
}

const statusBox = () => screen.getByRole('combobox', { name: 'Status' });
const choose = (label: string) => {
  const option = within(statusBox()).getByRole('option', { name: label }) as HTMLOptionElement;
  fireEvent.change(statusBox(), { target: { value: option.value } });
};

describe('IncidentDetail', () => {
  it('shows the incident fields and a safe link to incident.io', () => {
    renderDetail();
    expect(screen.getByRole('heading', { level: 2, name: 'Payments API returning 500s' })).toBeTruthy();
    const value = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(value('Reference')).toBe('INC-123');
    expect(value('Status')).toBe('Investigating (Active)');
    expect(value('Severity')).toBe('Major');
    expect(value('Type')).toBe('Default');
    expect(value('Lead')).toBe('Grace Hopper');
    expect(value('Slack channel')).toBe('#inc-123-payments');
    expect(value('Declared')).toContain('(45 min ago)');
    expect(screen.getByText('Card payments fail for EU customers.')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Open in incident.io' });
    expect(link.getAttribute('href')).toBe('https://app.incident.io/acme/incidents/123');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('keeps hostile strings inert: markup stays text, a javascript: permalink is not a link', () => {
    renderDetail({
      incident: { ...incident, name: '<img src=x onerror=alert(1)>', permalink: 'javascript:alert(1)' },
    });
    expect(screen.getByRole('heading', { name: '<img src=x onerror=alert(1)>' })).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('javascript:alert(1)').tagName).not.toBe('A');
  });

  it('says how many help-desk tickets are linked, when known, with the list’s wording', () => {
    renderDetail({ ticketCount: 3 });
    expect(screen.getByText('3 tickets')).toBeTruthy();
    cleanup();
    renderDetail({ ticketCount: 1 });
    expect(screen.getByText('1 ticket')).toBeTruthy();
    cleanup();
    renderDetail({ ticketCount: 0 });
    expect(screen.getByText('0 tickets')).toBeTruthy();
    cleanup();
    // Not known yet (not loaded, or the org keeps no count): nothing rather than a guess.
    renderDetail();
    expect(screen.queryByText(/\d+ tickets?$/)).toBeNull();
  });

  it('offers the four product words and the org statuses, grouped', () => {
    renderDetail();
    const groups = statusBox().querySelectorAll('optgroup');
    expect([...groups].map((g) => g.label)).toEqual(['Product words', 'Your statuses']);
    expect([...groups[0]!.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'triage', 'active', 'monitoring', 'resolved',
    ]);
    expect([...groups[1]!.querySelectorAll('option')].map((o) => o.textContent)).toContain('Monitoring (Active)');
    expect(groups[1]!.querySelectorAll('option')).toHaveLength(statuses.length);
  });

  it('explains a move that is not allowed before sending, and disables the button', () => {
    const checkMove = vi.fn((target: StatusTarget): MoveCheck =>
      target.kind === 'word' && target.word === 'triage'
        ? { allowed: false, reason: 'incident.io has no way back to triage.' }
        : { allowed: true },
    );
    const { onUpdateStatus } = renderDetail({ checkMove });
    const button = screen.getByRole('button', { name: 'Update status' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    choose('triage');
    expect(checkMove).toHaveBeenCalledWith({ kind: 'word', word: 'triage' });
    expect(screen.getByRole('status').textContent).toBe('incident.io has no way back to triage.');
    expect(button.disabled).toBe(true);
    fireEvent.click(button);
    expect(onUpdateStatus).not.toHaveBeenCalled();
    choose('Monitoring (Active)');
    expect(button.disabled).toBe(false);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Notify incident channel' }));
    fireEvent.click(button);
    expect(onUpdateStatus).toHaveBeenCalledWith({ kind: 'status', status: statusById('st-monitoring') }, true);
  });

  it('asks before resolving: Cancel and Escape keep the incident, Resolve sends', () => {
    const { onUpdateStatus } = renderDetail();
    choose('resolved');
    const button = screen.getByRole('button', { name: 'Update status' });
    button.focus();
    fireEvent.click(button);
    let dialog = screen.getByRole('dialog', { name: 'Resolve INC-123?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);

    fireEvent.click(button);
    dialog = screen.getByRole('dialog', { name: 'Resolve INC-123?' });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onUpdateStatus).not.toHaveBeenCalled();

    choose('Closed (Closed)');
    fireEvent.click(button);
    dialog = screen.getByRole('dialog', { name: 'Resolve INC-123?' });
    const resolve = within(dialog).getByRole('button', { name: 'Resolve' });
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    fireEvent.keyDown(cancel, { key: 'Tab' });
    expect(document.activeElement).toBe(resolve);
    fireEvent.click(resolve);
    expect(onUpdateStatus).toHaveBeenCalledWith({ kind: 'status', status: statusById('st-closed') }, false);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('replaces the changer with the reason when the key cannot edit', () => {
    renderDetail({ canEdit: false, editReason: 'This key lacks the incident_editor role.' });
    expect(screen.queryByRole('combobox', { name: 'Status' })).toBeNull();
    expect(screen.getByText('This key lacks the incident_editor role.')).toBeTruthy();
  });

  it('shows busy state and the last error with its request id', () => {
    renderDetail({ busy: true, error: { kind: 'validation', message: 'Cannot update status: valid statuses are triage, active, monitoring and resolved.', requestId: 'req-42' } });
    expect(screen.getByText('Updating status…')).toBeTruthy();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Cannot update status');
    expect(alert.textContent).toContain('Request ID: req-42');
  });

  it('lists updates newest first with who, status and severity changes and message', () => {
    renderDetail({
      updates: [
        makeUpdate({ id: 'u1', created_at: minutesAgo(40), message: 'Looking into it', new_severity: severities[0] }),
        makeUpdate({
          id: 'u2',
          created_at: minutesAgo(5),
          message: 'Fix deployed',
          new_incident_status: statusById('st-monitoring'),
          new_severity: severities[0],
          updater: { api_key: { id: 'k', name: 'Support desk key' } },
        }),
      ],
    });
    const items = within(screen.getByRole('list', { name: 'Updates, newest first' })).getAllByRole('listitem');
    expect(items[0]?.textContent).toContain('Support desk key');
    expect(items[0]?.textContent).toContain('Status → Monitoring');
    expect(items[0]?.textContent).toContain('Fix deployed');
    expect(items[0]?.textContent).not.toContain('Severity');
    expect(items[1]?.textContent).toContain('Ada');
    expect(items[1]?.textContent).toContain('Severity → Minor');
    expect(items[1]?.textContent).toContain('40 min ago');
  });

  it('keyboard and screen-reader users: focus lands on the title; the status change keeps focus in the form and is announced', () => {
    const props = {
      updates: [], severities, statuses, canEdit: true, now: NOW,
      checkMove: () => ({ allowed: true }) as MoveCheck, onUpdateStatus: vi.fn(),
    };
    const { rerender } = render(<IncidentDetail incident={incident} {...props} />);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Payments API returning 500s' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'status:st-monitoring' } });
    const button = screen.getByRole('button', { name: 'Update status' }) as HTMLButtonElement;
    button.focus();
    fireEvent.click(button);
    rerender(<IncidentDetail incident={incident} {...props} busy />);
    expect(button.disabled).toBe(false); // aria-disabled instead: a disabled button loses focus
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(button);
    rerender(<IncidentDetail incident={{ ...incident, incident_status: statusById('st-monitoring') }} {...props} />);
    expect(within(screen.getByRole('form', { name: 'Change status' })).getByRole('status').textContent).toBe('INC-123 is now Monitoring');
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Status' })); // reset to choose again
    expect((screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).value).toBe('');
  });

  it('the next status, chosen while the last update lands, is kept (not reset with the one that was sent)', () => {
    const props = {
      updates: [], severities, statuses, canEdit: true, now: NOW,
      checkMove: () => ({ allowed: true }) as MoveCheck, onUpdateStatus: vi.fn(),
    };
    const { rerender } = render(<IncidentDetail incident={incident} {...props} />);
    const select = () => screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement;
    fireEvent.change(select(), { target: { value: 'status:st-monitoring' } });
    fireEvent.click(screen.getByRole('button', { name: 'Update status' }));
    fireEvent.change(select(), { target: { value: 'status:st-closed' } });
    rerender(<IncidentDetail incident={{ ...incident, incident_status: statusById('st-monitoring') }} {...props} />);
    expect(within(screen.getByRole('form', { name: 'Change status' })).getByRole('status').textContent).toBe('INC-123 is now Monitoring');
    expect(select().value).toBe('status:st-closed');
    expect((screen.getByRole('button', { name: 'Update status' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('a status change whose answer was lost keeps the choice and the alert when the incident shows it applied', () => {
    const props = {
      updates: [], severities, statuses, canEdit: true, now: NOW,
      checkMove: () => ({ allowed: true }) as MoveCheck, onUpdateStatus: vi.fn(),
    };
    const { rerender } = render(<IncidentDetail incident={incident} {...props} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'status:st-monitoring' } });
    fireEvent.click(screen.getByRole('button', { name: 'Update status' }));
    const error = { kind: 'network', message: 'Could not reach incident.io.' } as const;
    rerender(<IncidentDetail incident={incident} {...props} error={error} />);
    rerender(<IncidentDetail incident={{ ...incident, incident_status: statusById('st-monitoring') }} {...props} error={error} />);
    const form = screen.getByRole('form', { name: 'Change status' });
    expect(within(form).getByRole('alert').textContent).toContain('Could not reach incident.io.');
    expect((screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).value).toBe('status:st-monitoring');
  });
});

describe('IncidentDetail: "Open in incident.io" (issue 14 §8)', () => {
  it.each([
    'https://app.incident.io.evil.example/acme/incidents/123',
    'http://app.incident.io/acme/incidents/123',
    'https://evil.example/acme/incidents/123',
  ])('no link for a permalink off the organisation’s incident.io host: %s', (permalink) => {
    renderDetail({ incident: { ...incident, permalink } });
    expect(screen.queryByRole('link', { name: 'Open in incident.io' })).toBeNull();
  });

  it('links to the host of the organisation’s dashboard URL', () => {
    renderDetail({ incident: { ...incident, permalink: 'https://acme.incident.example/incidents/123' }, dashboardUrl: 'https://acme.incident.example/' });
    expect(screen.getByRole('link', { name: 'Open in incident.io' }).getAttribute('href')).toBe('https://acme.incident.example/incidents/123');
  });
});
