// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DeclareDraft, EMPTY_DECLARE_DRAFT } from '@/lib/declare-draft';
import type { CustomField } from '@/lib/incident-io/schemas';
import { SEARCH_DEBOUNCE_MS } from './catalog-combobox';
import type { FieldWithOptions } from './custom-field-controls';
import { DeclareForm, type DeclareFormProps } from './declare-form';
import { incidentTypes, severities } from './test-fixtures';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const times = { created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' };
const field = (id: string, name: string, field_type: CustomField['field_type'], extra: Partial<CustomField> = {}): CustomField =>
  ({ id, name, description: `${name} help`, field_type, ...times, ...extra }) as CustomField;
const option = (custom_field_id: string, id: string, value: string, sort_key: number) => ({ id, custom_field_id, value, sort_key });

const fields: FieldWithOptions[] = [
  { field: field('f-product', 'Product area', 'single_select'), options: [option('f-product', 'o-checkout', 'Checkout', 10), option('f-product', 'o-search', 'Search', 20)] },
  { field: field('f-regions', 'Affected regions', 'multi_select'), options: [option('f-regions', 'o-eu', 'EU', 10), option('f-regions', 'o-us', 'US', 20), option('f-regions', 'o-uk', 'UK', 30)] },
  { field: field('f-impact', 'Customer impact', 'text'), options: [] },
  { field: field('f-runbook', 'Runbook', 'link'), options: [] },
  { field: field('f-tickets', 'Tickets', 'numeric'), options: [] },
  { field: field('f-customers', 'Affected customers', 'multi_select', { catalog_type_id: 'ct-customer' }), options: [] },
];

const catalog = [
  { id: 'ce-acme', name: 'Acme Corp' }, { id: 'ce-acmeish', name: 'Acme Rockets' }, { id: 'ce-globex', name: 'Globex' },
];

function renderForm(props: Partial<DeclareFormProps> = {}, initialDraft: DeclareDraft = { ...EMPTY_DECLARE_DRAFT, name: 'Checkout down' }) {
  const onSubmit = vi.fn();
  const search = vi.fn(async (_type: string, query: string) => catalog.filter((e) => e.name.toLowerCase().includes(query.toLowerCase())));
  const drafts: DeclareDraft[] = [];
  function Parent() {
    const [draft, setDraft] = useState(initialDraft);
    return (
      <DeclareForm
        draft={draft}
        onDraftChange={(next) => {
          drafts.push(next);
          setDraft(next);
        }}
        severities={severities}
        incidentTypes={incidentTypes}
        onSubmit={onSubmit}
        onDiscard={() => {}}
        customFields={fields}
        searchCatalog={search}
        defaultOpen
        {...props}
      />
    );
  }
  render(<Parent />);
  return { onSubmit, search, drafts };
}

const declare = () => fireEvent.click(screen.getByRole('button', { name: 'Declare' }));
const list = () => document.getElementById(combobox().getAttribute('aria-controls')!)!;
const matches = () => within(list()).queryAllByRole('option', { hidden: true });
const combobox = () => screen.getByRole('combobox', { name: 'Affected customers' }) as HTMLInputElement;

async function typeInCombobox(text: string) {
  fireEvent.change(combobox(), { target: { value: text } });
  await act(async () => {
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
  });
}

describe('custom fields in the declare form', () => {
  it('names each control by its field and describes it by the field’s description', () => {
    renderForm();
    for (const [role, name] of [['combobox', 'Product area'], ['listbox', 'Affected regions'], ['textbox', 'Customer impact'], ['textbox', 'Runbook'], ['textbox', 'Tickets'], ['combobox', 'Affected customers']] as const) {
      const control = screen.getByRole(role, { name });
      expect(control.getAttribute('aria-describedby')?.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain(`${name} help`);
    }
  });

  it('sends each field type typed as the schema says, catalog values by entry id', async () => {
    vi.useFakeTimers();
    const { onSubmit } = renderForm();
    fireEvent.change(screen.getByRole('combobox', { name: 'Product area' }), { target: { value: 'o-search' } });
    const regions = screen.getByRole('listbox', { name: 'Affected regions' }) as HTMLSelectElement;
    for (const o of regions.options) o.selected = o.value !== 'o-us';
    fireEvent.change(regions);
    fireEvent.change(screen.getByRole('textbox', { name: 'Customer impact' }), { target: { value: ' Card payments fail ' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Runbook' }), { target: { value: 'https://runbooks.example.com/checkout' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Tickets' }), { target: { value: '12' } });
    await typeInCombobox('Acme');
    fireEvent.click(screen.getByRole('option', { name: 'Acme Corp' }));
    fireEvent.mouseDown(screen.getByRole('option', { name: 'Acme Corp' }));
    declare();
    expect(onSubmit.mock.calls[0]![0].customFieldEntries).toEqual([
      { custom_field_id: 'f-product', values: [{ value_option_id: 'o-search' }] },
      { custom_field_id: 'f-regions', values: [{ value_option_id: 'o-eu' }, { value_option_id: 'o-uk' }] },
      { custom_field_id: 'f-impact', values: [{ value_text: 'Card payments fail' }] },
      { custom_field_id: 'f-runbook', values: [{ value_link: 'https://runbooks.example.com/checkout' }] },
      { custom_field_id: 'f-tickets', values: [{ value_numeric: '12' }] },
      { custom_field_id: 'f-customers', values: [{ value_catalog_entry_id: 'ce-acme' }] },
    ]);
  });

  it('a value that can’t be sent is shown on its field and nothing is sent', () => {
    const { onSubmit } = renderForm();
    const tickets = screen.getByRole('textbox', { name: 'Tickets' });
    fireEvent.change(tickets, { target: { value: 'a dozen' } });
    declare();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(tickets.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Tickets must be a number');
  });

  it('a 422 naming a field is shown next to that field, marked invalid', () => {
    renderForm({ customFieldErrors: { 'f-runbook': 'must be a valid URL' } });
    const runbook = screen.getByRole('textbox', { name: 'Runbook' });
    expect(runbook.getAttribute('aria-invalid')).toBe('true');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('must be a valid URL');
    expect(runbook.getAttribute('aria-describedby')?.split(' ')).toContain(alert.id);
    expect(alert.closest('.field')).toBe(runbook.closest('.field'));
  });

  it('paints the form while the fields load', () => {
    renderForm({ customFields: undefined });
    expect(screen.getByRole('textbox', { name: 'Name' })).toBeTruthy();
    expect(screen.getByText('Loading custom fields…')).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Affected customers' })).toBeNull();
  });
});

describe('the catalog combobox', () => {
  it('searches once per pause in typing, then down/up/enter pick a match without submitting', async () => {
    vi.useFakeTimers();
    const { search, onSubmit, drafts } = renderForm();
    fireEvent.change(combobox(), { target: { value: 'A' } });
    fireEvent.change(combobox(), { target: { value: 'Ac' } });
    await typeInCombobox('Acme');
    expect(search).toHaveBeenCalledTimes(1);
    expect(search).toHaveBeenCalledWith('ct-customer', 'Acme');
    expect(combobox().getAttribute('aria-expanded')).toBe('true');
    const options = matches();
    expect(options.map((o) => o.textContent)).toEqual(['Acme Corp', 'Acme Rockets']);
    expect(combobox().getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    fireEvent.keyDown(combobox(), { key: 'ArrowDown' });
    expect(combobox().getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    expect(options[1]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(combobox(), { key: 'ArrowUp' });
    expect(combobox().getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    fireEvent.keyDown(combobox(), { key: 'Enter' });
    expect(onSubmit).not.toHaveBeenCalled();
    expect(drafts.at(-1)?.customFields?.['f-customers']).toEqual({ kind: 'catalog', entries: [{ id: 'ce-acme', name: 'Acme Corp' }] });
    expect(combobox().getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByRole('list', { name: 'Affected customers: chosen' }).textContent).toContain('Acme Corp');
  });

  it('Escape closes the list and keeps what was chosen', async () => {
    vi.useFakeTimers();
    const { drafts } = renderForm();
    await typeInCombobox('Glo');
    expect(matches().map((o) => o.textContent)).toEqual(['Globex']);
    expect(combobox().getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(combobox(), { key: 'Escape' });
    expect(combobox().getAttribute('aria-expanded')).toBe('false');
    expect(list().hidden).toBe(true);
    expect(drafts.some((d) => d.customFields?.['f-customers'])).toBe(false);
  });

  it('an older answer never replaces a newer query’s', async () => {
    vi.useFakeTimers();
    let release: (v: { id: string; name: string }[]) => void = () => {};
    const slow = vi.fn((_t: string, q: string) => (q === 'Acme'
      ? new Promise<{ id: string; name: string }[]>((resolve) => { release = resolve; })
      : Promise.resolve([{ id: 'ce-globex', name: 'Globex' }])));
    renderForm({ searchCatalog: slow });
    await typeInCombobox('Acme');
    await typeInCombobox('Globex');
    await act(async () => release([{ id: 'ce-acme', name: 'Acme Corp' }]));
    expect(matches().map((o) => o.textContent)).toEqual(['Globex']);
  });
});
