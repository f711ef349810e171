// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DeclareDraft, EMPTY_DECLARE_DRAFT } from '@/lib/declare-draft';
import { DeclareForm, type DeclareFormProps } from './declare-form';
import { incidentTypes, severities } from './test-fixtures';

afterEach(cleanup);

type Overrides = Partial<Omit<DeclareFormProps, 'draft' | 'onDraftChange'>> & { initialDraft?: DeclareDraft };

/** A parent that owns the draft, as the side panel does (it persists it). */
function renderForm({ initialDraft = EMPTY_DECLARE_DRAFT, ...props }: Overrides = {}) {
  const onSubmit = vi.fn();
  const onDiscard = vi.fn();
  const changes: DeclareDraft[] = [];
  function Parent() {
    const [draft, setDraft] = useState(initialDraft);
    return (
      <DeclareForm
        draft={draft}
        onDraftChange={(next) => {
          changes.push(next);
          setDraft(next);
        }}
        severities={severities}
        incidentTypes={incidentTypes}
        onSubmit={onSubmit}
        onDiscard={onDiscard}
        defaultOpen
        {...props}
      />
    );
  }
  render(<Parent />);
  return { onSubmit, onDiscard, changes };
}

const nameBox = () => screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement;
const declare = () => fireEvent.click(screen.getByRole('button', { name: 'Declare' }));
const selectType = (name: string) => {
  const box = screen.getByRole('combobox', { name: 'Incident type' });
  const option = Array.from((box as HTMLSelectElement).options).find((o) => o.textContent === name);
  fireEvent.change(box, { target: { value: option?.value } });
};

describe('DeclareForm', () => {
  it('opens from "Declare incident" and focuses the name', () => {
    renderForm({ defaultOpen: false });
    expect(screen.queryByRole('textbox', { name: 'Name' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Declare incident' }));
    expect(document.activeElement).toBe(nameBox());
  });

  it('requires a name: marks the field invalid with an error text and does not submit', () => {
    const { onSubmit } = renderForm();
    declare();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(nameBox().getAttribute('aria-invalid')).toBe('true');
    const describedBy = nameBox().getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('Enter a name for the incident.');
    fireEvent.change(nameBox(), { target: { value: 'Checkout down' } });
    expect(nameBox().getAttribute('aria-invalid')).toBeNull();
  });

  it('is controlled: typing reports a new draft and the field shows the parent draft', () => {
    const { changes } = renderForm({ initialDraft: { ...EMPTY_DECLARE_DRAFT, name: 'Saved earlier' } });
    expect(nameBox().value).toBe('Saved earlier');
    fireEvent.change(screen.getByRole('textbox', { name: 'Summary' }), { target: { value: 'Customers see 502' } });
    expect(changes.at(-1)).toEqual({ ...EMPTY_DECLARE_DRAFT, name: 'Saved earlier', summary: 'Customers see 502' });
  });

  it('reopens a saved draft without being asked', () => {
    renderForm({ defaultOpen: false, initialDraft: { ...EMPTY_DECLARE_DRAFT, name: 'Half typed' } });
    expect(nameBox().value).toBe('Half typed');
  });

  it('lists severities most severe first after "No severity", and preselects the default type', () => {
    renderForm();
    const severity = screen.getByRole('combobox', { name: 'Severity' }) as HTMLSelectElement;
    expect(Array.from(severity.options).map((o) => o.textContent)).toEqual(['No severity', 'Critical', 'Major', 'Minor']);
    const type = screen.getByRole('combobox', { name: 'Incident type' }) as HTMLSelectElement;
    expect(type.selectedOptions[0]?.textContent).toBe('Default');
  });

  it('hides the type field when the org has no types', () => {
    renderForm({ incidentTypes: [] });
    expect(screen.queryByRole('combobox', { name: 'Incident type' })).toBeNull();
  });

  it('submits the draft with the chosen values', () => {
    const { onSubmit } = renderForm();
    fireEvent.change(nameBox(), { target: { value: '  Checkout down ' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Severity' }), { target: { value: 'sev-critical' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Active' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Private incident' }));
    declare();
    expect(onSubmit).toHaveBeenCalledWith({
      name: 'Checkout down',
      summary: undefined,
      severityId: 'sev-critical',
      incidentTypeId: 'type-default',
      startAs: 'active',
      visibility: 'private',
    });
  });

  it('forces triage for a type that always starts in triage, and says why', () => {
    const { onSubmit } = renderForm({ initialDraft: { ...EMPTY_DECLARE_DRAFT, name: 'Refunds', startAs: 'active' } });
    selectType('Customer report');
    const group = screen.getByRole('radiogroup', { name: 'Start as' });
    expect((screen.getByRole('radio', { name: 'Triage' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Active' }) as HTMLInputElement).disabled).toBe(true);
    expect(group.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('Incidents of type “Customer report” always start in triage.')).toBeTruthy();
    declare();
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ incidentTypeId: 'type-customer', startAs: 'triage' });
  });

  it('forces private for a private-only type, and says why', () => {
    const { onSubmit } = renderForm({ initialDraft: { ...EMPTY_DECLARE_DRAFT, name: 'Leaked token' } });
    selectType('Security');
    const privateBox = screen.getByRole('checkbox', { name: 'Private incident' }) as HTMLInputElement;
    expect(privateBox.checked).toBe(true);
    expect(privateBox.disabled).toBe(true);
    expect(screen.getByText('Incidents of type “Security” are always private.')).toBeTruthy();
    declare();
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ visibility: 'private' });
  });

  it('shows 422 field errors next to their fields and other errors in the alert', () => {
    renderForm({
      fieldErrors: { severity_id: 'Severity is required for live incidents.', visibility: 'Not allowed.', mode: 'Bad mode.' },
      error: { kind: 'validation', message: 'incident.io rejected the incident.', requestId: 'req-7' },
    });
    const severity = screen.getByRole('combobox', { name: 'Severity' });
    expect(severity.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(severity.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Severity is required for live incidents.',
    );
    const privateBox = screen.getByRole('checkbox', { name: 'Private incident' });
    expect(document.getElementById(privateBox.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Not allowed.');
    expect(screen.getByText('mode: Bad mode.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Request ID: req-7');
  });

  it('disables Declare while busy', () => {
    renderForm({ busy: true });
    expect((screen.getByRole('button', { name: 'Declare' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Declaring incident…')).toBeTruthy();
  });

  it('announces the created incident with a link, and discards drafts on request', () => {
    const { onDiscard } = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Discard draft' }));
    expect(onDiscard).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Declare incident' })).toBeTruthy();
    cleanup();
    renderForm({ created: { reference: 'INC-124', permalink: 'https://app.incident.io/acme/incidents/124' } });
    expect(screen.getByRole('status').textContent).toContain('INC-124 declared');
    expect(document.activeElement).toBe(screen.getByRole('status')); // the form it replaced had focus
    expect(screen.getByRole('link', { name: 'Open in incident.io' }).getAttribute('href')).toBe(
      'https://app.incident.io/acme/incidents/124',
    );
  });
});
