import { fieldTypeInfo, embeddedEntry, type CustomFieldEntry, type CustomFieldValue, type Directory } from './directory';
import { fieldError } from './errors';

/** `custom_field_entries[]` of a create or edit body, after schema validation. */
export type EntryPayload = {
  custom_field_id: string;
  values: { value_option_id?: string; value_catalog_entry_id?: string; value_text?: string; value_link?: string; value_numeric?: string; value_timestamp?: string }[];
};

const VALUE_KEYS = ['value_option_id', 'value_catalog_entry_id', 'value_text', 'value_link', 'value_numeric', 'value_timestamp'] as const;

/**
 * Payload entries → the entries an incident shows, checking each value against its field's type as
 * incident.io does: the 422 names the offending value (`custom_field_entries.2.values.0.value_link`).
 */
export function resolveEntries(directory: Directory, payload: EntryPayload[] | undefined, prefix: string): CustomFieldEntry[] {
  return (payload ?? []).map((entry, i) => {
    const at = `${prefix}custom_field_entries.${i}`;
    const field = directory.customFields.find((f) => f.id === entry.custom_field_id);
    if (!field) throw fieldError(`${at}.custom_field_id`, 'invalid_value', `No custom field with id ${entry.custom_field_id} exists in this organisation`);
    if (entry.values.length > 1 && field.field_type !== 'multi_select') {
      throw fieldError(`${at}.values`, 'invalid_value', `${field.name} takes one value`);
    }
    const expected: (typeof VALUE_KEYS)[number] = field.catalog_type_id ? 'value_catalog_entry_id'
      : field.field_type === 'single_select' || field.field_type === 'multi_select' ? 'value_option_id'
        : `value_${field.field_type}`;
    const values = entry.values.map((value, j): CustomFieldValue => {
      const valueAt = `${at}.values.${j}`;
      const given = VALUE_KEYS.filter((k) => value[k] !== undefined);
      const wrong = given.find((k) => k !== expected);
      if (wrong) throw fieldError(`${valueAt}.${wrong}`, 'invalid_value', `${field.name} is a ${field.field_type} field: send ${expected}, not ${wrong}`);
      const raw = value[expected];
      if (raw === undefined || raw === '') throw fieldError(`${valueAt}.${expected}`, 'is_required', `${field.name} needs ${expected}`);
      switch (expected) {
        case 'value_option_id': {
          const option = directory.customFieldOptions.find((o) => o.id === raw && o.custom_field_id === field.id);
          if (!option) throw fieldError(`${valueAt}.value_option_id`, 'invalid_value', `${raw} is not an option of ${field.name}`);
          return { value_option: option };
        }
        case 'value_catalog_entry_id': {
          // An entry's id, external id or alias; names are labels, not identifiers.
          const found = directory.catalogEntries.find((e) => e.catalog_type_id === field.catalog_type_id
            && (e.id === raw || e.external_id === raw || e.aliases.includes(raw)));
          if (!found) throw fieldError(`${valueAt}.value_catalog_entry_id`, 'invalid_value', `${raw} is not an entry of the catalog behind ${field.name}`);
          return { value_catalog_entry: embeddedEntry(found) };
        }
        case 'value_link':
          if (!/^https?:\/\/[^\s/]+\.[^\s]*$/.test(raw)) throw fieldError(`${valueAt}.value_link`, 'invalid_value', `${field.name} must be a link starting with https://`);
          return { value_link: raw };
        case 'value_numeric':
          if (!/^-?\d+(\.\d+)?$/.test(raw)) throw fieldError(`${valueAt}.value_numeric`, 'invalid_value', `${field.name} must be a number`);
          return { value_numeric: raw };
        default:
          return { value_text: raw };
      }
    });
    return { custom_field: fieldTypeInfo(directory, field), values };
  });
}
