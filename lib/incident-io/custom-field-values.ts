import type { CatalogEntry, CustomField, CustomFieldEntryPayload } from './schemas';

/**
 * What the declare form holds per custom field: option ids (select), catalog entries (catalog-backed),
 * or the typed text (text, link, numeric). Kept as plain data so a draft can store it.
 */
export type FieldValue =
  | { kind: 'options'; optionIds: string[] }
  | { kind: 'catalog'; entries: Pick<CatalogEntry, 'id' | 'name'>[] }
  | { kind: 'text'; text: string };

export type FieldValues = Record<string, FieldValue>;

export type FieldProblem = { fieldId: string; message: string };

const NUMBER = /^-?\d+(\.\d+)?$/;

export function isCatalogField(field: CustomField): boolean {
  return field.catalog_type_id !== undefined && field.catalog_type_id !== '';
}

/** The control a field needs, from its type; unknown (newer) types are not offered. */
export function controlFor(field: CustomField): 'select' | 'multiselect' | 'catalog' | 'text' | 'link' | 'numeric' | undefined {
  if (isCatalogField(field)) return 'catalog';
  switch (field.field_type) {
    case 'single_select': return 'select';
    case 'multi_select': return 'multiselect';
    case 'text': return 'text';
    case 'link': return 'link';
    case 'numeric': return 'numeric';
    default: return undefined;
  }
}

/**
 * Form values → `custom_field_entries`, typed as the schema says. Empty fields are left out (not
 * unset), problems a user can fix come back per field instead of a payload.
 */
export function buildCustomFieldEntries(fields: readonly CustomField[], values: FieldValues): { entries: CustomFieldEntryPayload[]; problems: FieldProblem[] } {
  const entries: CustomFieldEntryPayload[] = [];
  const problems: FieldProblem[] = [];
  for (const field of fields) {
    const value = values[field.id];
    const control = controlFor(field);
    if (!value || !control) continue;
    const single = field.field_type !== 'multi_select';
    if (value.kind === 'catalog' && control === 'catalog') {
      const ids = value.entries.map((e) => e.id);
      if (ids.length === 0) continue;
      if (single && ids.length > 1) problems.push({ fieldId: field.id, message: `${field.name} takes one value` });
      // The entry's id, never its name: names aren't identifiers.
      else entries.push({ custom_field_id: field.id, values: ids.map((id) => ({ value_catalog_entry_id: id })) });
    } else if (value.kind === 'options' && (control === 'select' || control === 'multiselect')) {
      if (value.optionIds.length === 0) continue;
      if (single && value.optionIds.length > 1) problems.push({ fieldId: field.id, message: `${field.name} takes one value` });
      else entries.push({ custom_field_id: field.id, values: value.optionIds.map((id) => ({ value_option_id: id })) });
    } else if (value.kind === 'text') {
      const text = value.text.trim();
      if (text === '') continue;
      if (control === 'numeric') {
        const normalised = text.replace(',', '.');
        if (!NUMBER.test(normalised)) problems.push({ fieldId: field.id, message: `${field.name} must be a number` });
        else entries.push({ custom_field_id: field.id, values: [{ value_numeric: normalised }] });
      } else if (control === 'link') {
        if (!/^https?:\/\/\S+$/i.test(text)) problems.push({ fieldId: field.id, message: `${field.name} must be a link starting with https://` });
        else entries.push({ custom_field_id: field.id, values: [{ value_link: text }] });
      } else if (control === 'text') {
        entries.push({ custom_field_id: field.id, values: [{ value_text: text }] });
      }
    }
  }
  return { entries, problems };
}

/**
 * A 422's `source.field` (`custom_field_entries.2.values.0.value_link`, or `incident.custom_field_entries.…`
 * on edits) → the custom field it names, by the entry's position in the payload that was sent.
 */
export function fieldIdForErrorPath(path: string | undefined, sent: readonly CustomFieldEntryPayload[]): string | undefined {
  const match = path?.match(/(?:^|\.)custom_field_entries\.(\d+)(?:\.|$)/);
  return match ? sent[Number(match[1])]?.custom_field_id : undefined;
}
