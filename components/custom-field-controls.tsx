import { useCallback, useId } from 'react';
import { controlFor, type FieldValue, type FieldValues } from '@/lib/incident-io/custom-field-values';
import type { CustomField, CustomFieldOption } from '@/lib/incident-io/schemas';
import { CatalogCombobox, type CatalogChoice } from './catalog-combobox';

export type FieldWithOptions = { field: CustomField; options: readonly CustomFieldOption[] };

export interface CustomFieldControlsProps {
  fields: readonly FieldWithOptions[];
  values: FieldValues;
  onChange: (fieldId: string, value: FieldValue) => void;
  /** Problems by custom field id (a 422 naming the field, or a value that can't be sent). */
  errors?: Record<string, string>;
  /** One page of a catalog type's matches for a query. */
  searchCatalog: (catalogTypeId: string, query: string) => Promise<CatalogChoice[]>;
}

/**
 * The organisation's custom fields in the declare form: each control is named by the field's name
 * and described by its description (and its error, when it has one).
 */
export function CustomFieldControls({ fields, values, onChange, errors = {}, searchCatalog }: CustomFieldControlsProps) {
  const id = useId();
  return (
    <>
      {fields.map(({ field, options }) => (
        <CustomFieldControl
          key={field.id}
          baseId={`${id}-${field.id}`}
          field={field}
          options={options}
          value={values[field.id]}
          error={errors[field.id]}
          onChange={(value) => onChange(field.id, value)}
          searchCatalog={searchCatalog}
        />
      ))}
    </>
  );
}

function CustomFieldControl({ baseId, field, options, value, error, onChange, searchCatalog }: {
  baseId: string; field: CustomField; options: readonly CustomFieldOption[]; value: FieldValue | undefined; error: string | undefined;
  onChange: (value: FieldValue) => void; searchCatalog: CustomFieldControlsProps['searchCatalog'];
}) {
  const control = controlFor(field);
  const catalogTypeId = field.catalog_type_id ?? '';
  const search = useCallback((query: string) => searchCatalog(catalogTypeId, query), [searchCatalog, catalogTypeId]);
  if (!control) return null;
  const inputId = `${baseId}-input`;
  const descriptionId = `${baseId}-description`;
  const errorId = `${baseId}-error`;
  const describedBy = [field.description && descriptionId, error && errorId].filter(Boolean).join(' ') || undefined;
  const common = { id: inputId, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined } as const;
  const text = value?.kind === 'text' ? value.text : '';
  const optionIds = value?.kind === 'options' ? value.optionIds : [];
  const setText = (next: string) => onChange({ kind: 'text', text: next });

  let input;
  if (control === 'catalog') {
    input = (
      <CatalogCombobox
        inputId={inputId}
        label={field.name}
        describedBy={describedBy}
        invalid={Boolean(error)}
        chosen={value?.kind === 'catalog' ? value.entries : []}
        multiple={field.field_type === 'multi_select'}
        onChange={(entries) => onChange({ kind: 'catalog', entries })}
        search={search}
      />
    );
  } else if (control === 'select') {
    input = (
      <select {...common} value={optionIds[0] ?? ''} onChange={(e) => onChange({ kind: 'options', optionIds: e.target.value ? [e.target.value] : [] })}>
        <option value="">None</option>
        {options.map((o) => <option key={o.id} value={o.id}>{o.value}</option>)}
      </select>
    );
  } else if (control === 'multiselect') {
    input = (
      <select
        {...common}
        multiple
        size={Math.min(options.length, 5)}
        value={optionIds}
        onChange={(e) => onChange({ kind: 'options', optionIds: [...e.target.selectedOptions].map((o) => o.value) })}
      >
        {options.map((o) => <option key={o.id} value={o.id}>{o.value}</option>)}
      </select>
    );
  } else if (control === 'link') {
    input = <input {...common} type="url" inputMode="url" placeholder="https://" value={text} onChange={(e) => setText(e.target.value)} />;
  } else if (control === 'numeric') {
    input = <input {...common} type="text" inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} />;
  } else {
    input = <input {...common} type="text" value={text} onChange={(e) => setText(e.target.value)} />;
  }
  return (
    <div className="field">
      <label htmlFor={inputId}>{field.name}</label>
      {input}
      {field.description && <p id={descriptionId} className="hint">{field.description}</p>}
      {error && <p id={errorId} role="alert" className="field-error">{error}</p>}
    </div>
  );
}
