// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SupportLoopSettings, type SupportLoopSettingsProps } from './support-loop-settings';

afterEach(cleanup);

/** What assistive tech reads as the control's description. */
const description = (element: HTMLElement) => (element.getAttribute('aria-describedby') ?? '')
  .split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');

const fields = [{ id: 'cf-tickets', name: 'Tickets' }, { id: 'cf-cost', name: 'Estimated cost' }];

function renderForm(props: Partial<SupportLoopSettingsProps> = {}) {
  const onSave = vi.fn();
  render(
    <SupportLoopSettings
      values={{ ticketCountFieldId: null, spikeWindowMinutes: 60 }} numericFields={fields} canEdit onSave={onSave} min={5} max={1440} {...props}
    />,
  );
  return onSave;
}

describe('Support loop settings', () => {
  it('offers "Don\'t write counts" first and the numeric fields; saves the chosen one', () => {
    const onSave = renderForm();
    const select = screen.getByRole('combobox', { name: 'Ticket count field' });
    expect((select as HTMLSelectElement).value).toBe('');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(["Don't write counts", 'Tickets', 'Estimated cost']);
    fireEvent.change(select, { target: { value: 'cf-tickets' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply support settings' }));
    expect(onSave).toHaveBeenCalledWith({ ticketCountFieldId: 'cf-tickets', spikeWindowMinutes: 60 });
  });

  it('"Don\'t write counts" saves null', () => {
    const onSave = renderForm({ values: { ticketCountFieldId: 'cf-tickets', spikeWindowMinutes: 60 } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Ticket count field' }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply support settings' }));
    expect(onSave).toHaveBeenCalledWith({ ticketCountFieldId: null, spikeWindowMinutes: 60 });
  });

  it('says a key without incident_editor writes no counts', () => {
    renderForm({ canEdit: false });
    expect(description(screen.getByRole('combobox', { name: 'Ticket count field' }))).toMatch(/can’t edit incidents \(incident_editor\), so counts aren’t written/);
  });

  it('keeps a chosen field the organisation no longer lists instead of dropping it', () => {
    renderForm({ values: { ticketCountFieldId: 'cf-gone', spikeWindowMinutes: 60 } });
    expect((screen.getByRole('combobox', { name: 'Ticket count field' }) as HTMLSelectElement).value).toBe('cf-gone');
  });

  it('the spike window takes whole minutes within bounds; bad input gets a message and is not saved', () => {
    const onSave = renderForm();
    const minutes = screen.getByRole('spinbutton', { name: 'Similar tickets window (minutes)' });
    fireEvent.change(minutes, { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply support settings' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(description(minutes)).toMatch(/Enter whole minutes from 5 to 1440\./);
    expect((minutes as HTMLInputElement).value).toBe('2');
    fireEvent.change(minutes, { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply support settings' }));
    expect(onSave).toHaveBeenCalledWith({ ticketCountFieldId: null, spikeWindowMinutes: 90 });
  });
});
