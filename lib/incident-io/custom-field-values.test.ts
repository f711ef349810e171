import { describe, expect, it } from 'vitest';
import { buildCustomFieldEntries, controlFor, fieldIdForErrorPath } from './custom-field-values';
import type { CustomField } from './schemas';

const f = (id: string, field_type: string, catalog_type_id?: string): CustomField =>
  ({ id, name: `Field ${id}`, description: '', field_type, ...(catalog_type_id ? { catalog_type_id } : {}) });
const FIELDS = [f('S', 'single_select'), f('M', 'multi_select'), f('T', 'text'), f('L', 'link'), f('N', 'numeric'), f('C', 'multi_select', 'CT'), f('X', 'datetime')];

describe('buildCustomFieldEntries', () => {
  it('types each value as the schema says', () => {
    const { entries, problems } = buildCustomFieldEntries(FIELDS, {
      S: { kind: 'options', optionIds: ['o1'] },
      M: { kind: 'options', optionIds: ['o2', 'o3'] },
      T: { kind: 'text', text: '  Cannot pay ' },
      L: { kind: 'text', text: 'https://runbooks.example/a' },
      N: { kind: 'text', text: '4,5' },
      C: { kind: 'catalog', entries: [{ id: 'E1', name: 'Acme Corp' }] },
    });
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { custom_field_id: 'S', values: [{ value_option_id: 'o1' }] },
      { custom_field_id: 'M', values: [{ value_option_id: 'o2' }, { value_option_id: 'o3' }] },
      { custom_field_id: 'T', values: [{ value_text: 'Cannot pay' }] },
      { custom_field_id: 'L', values: [{ value_link: 'https://runbooks.example/a' }] },
      { custom_field_id: 'N', values: [{ value_numeric: '4.5' }] },
      { custom_field_id: 'C', values: [{ value_catalog_entry_id: 'E1' }] },
    ]);
  });

  it('leaves empty fields out and reports fixable problems per field', () => {
    const { entries, problems } = buildCustomFieldEntries(FIELDS, {
      S: { kind: 'options', optionIds: ['a', 'b'] },
      T: { kind: 'text', text: '   ' },
      L: { kind: 'text', text: 'runbook page' },
      N: { kind: 'text', text: 'three' },
      C: { kind: 'catalog', entries: [] },
    });
    expect(entries).toEqual([]);
    expect(problems.map((p) => p.fieldId)).toEqual(['S', 'L', 'N']);
  });

  it('offers no control for a field type it does not know', () => {
    expect(controlFor(f('X', 'datetime'))).toBeUndefined();
    expect(controlFor(f('C', 'single_select', 'CT'))).toBe('catalog');
  });
});

describe('fieldIdForErrorPath', () => {
  const sent = [{ custom_field_id: 'A', values: [] }, { custom_field_id: 'B', values: [] }];
  it.each([
    ['custom_field_entries.1.values.0.value_link', 'B'],
    ['incident.custom_field_entries.0.custom_field_id', 'A'],
    ['custom_field_entries.5.values', undefined],
    ['severity_id', undefined],
  ])('%s → %s', (path, id) => {
    expect(fieldIdForErrorPath(path, sent)).toBe(id);
  });
});
