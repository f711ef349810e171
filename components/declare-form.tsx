import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { DeclareDraft } from '@/lib/declare-draft';
import type { ErrorInfo } from '@/lib/incident-io/errors';
import { buildCustomFieldEntries } from '@/lib/incident-io/custom-field-values';
import type { CustomFieldEntryPayload, IncidentType, Severity } from '@/lib/incident-io/schemas';
import type { CatalogChoice } from './catalog-combobox';
import { CustomFieldControls, type FieldWithOptions } from './custom-field-controls';
import { ErrorAlert } from './error-alert';
import { IncidentLink } from './external-link';
import { bySeverityDesc } from './severity-chip';
import { Spinner } from './spinner';

/** The draft with the selected type's rules applied: what should be sent. */
export interface DeclareSubmission {
  name: string;
  summary?: string;
  severityId?: string;
  incidentTypeId?: string;
  startAs: 'triage' | 'active';
  visibility: 'public' | 'private';
  /** The custom fields' values, typed per field (empty fields left out). */
  customFieldEntries?: CustomFieldEntryPayload[];
}

/** The chosen type, else the org's default one. */
export function effectiveType(draft: DeclareDraft, types: readonly IncidentType[]): IncidentType | undefined {
  return types.find((t) => t.id === draft.incidentTypeId) ?? types.find((t) => t.is_default);
}

export function toSubmission(draft: DeclareDraft, types: readonly IncidentType[]): DeclareSubmission {
  const type = effectiveType(draft, types);
  return {
    name: draft.name.trim(),
    summary: draft.summary.trim() || undefined,
    severityId: draft.severityId || undefined,
    incidentTypeId: type?.id,
    startAs: type?.create_in_triage === 'always' ? 'triage' : draft.startAs,
    visibility: type?.private_incidents_only || draft.isPrivate ? 'private' : 'public',
  };
}

function isDirty(draft: DeclareDraft): boolean {
  return draft.name.trim() !== '' || draft.summary.trim() !== '';
}

/** Payload fields a 422 can name, each shown next to its control; others go in a list above the button. */
const FORM_FIELDS = ['name', 'summary', 'severity_id', 'incident_type_id', 'incident_status_id', 'visibility'];

export interface DeclareFormProps {
  /** The org's incident.io dashboard URL (identity): its host may serve permalinks besides app.incident.io. */
  dashboardUrl?: string;
  draft: DeclareDraft;
  onDraftChange: (draft: DeclareDraft) => void;
  severities: readonly Severity[];
  incidentTypes: readonly IncidentType[];
  /** Field errors from a 422, keyed by payload field (`name`, `severity_id`, …). */
  fieldErrors?: Record<string, string>;
  error?: ErrorInfo | null;
  busy?: boolean;
  onSubmit: (submission: DeclareSubmission) => void;
  onDiscard: () => void;
  /** The org's custom fields; undefined while they load (the form paints without them). */
  customFields?: readonly FieldWithOptions[];
  /** Problems by custom field id (a 422 naming the field). */
  customFieldErrors?: Record<string, string>;
  searchCatalog?: (catalogTypeId: string, query: string) => Promise<CatalogChoice[]>;
  /** Set after a successful declare. */
  created?: { reference: string; permalink?: string } | null;
  defaultOpen?: boolean;
}

export function DeclareForm(props: DeclareFormProps) {
  const { draft, onDraftChange, severities, incidentTypes, fieldErrors = {}, error = null, busy = false } = props;
  const { created = null } = props;
  const id = useId();
  const nameInput = useRef<HTMLInputElement>(null);
  const focusName = useRef(false);
  // A saved draft reopens the form, so closing the panel mid-sentence loses nothing.
  const [open, setOpen] = useState(() => props.defaultOpen === true || isDirty(draft));
  const [triedEmptyName, setTriedEmptyName] = useState(false);
  // Values that can't be sent (a numeric field holding words), found on Declare.
  const [valueProblems, setValueProblems] = useState<Record<string, string>>({});
  const successRef = useRef<HTMLDivElement>(null);
  const [shownCreated, setShownCreated] = useState(created?.reference);
  if (created?.reference !== shownCreated) {
    setShownCreated(created?.reference);
    if (created) setOpen(false);
  }

  // The form the agent was in closes on success: focus moves to what replaced it (also announced).
  useEffect(() => {
    if (created?.reference) successRef.current?.focus({ preventScroll: true });
  }, [created?.reference]);

  useEffect(() => {
    if (open && focusName.current) {
      focusName.current = false;
      nameInput.current?.focus();
    }
  }, [open]);

  const type = effectiveType(draft, incidentTypes);
  const forcedTriage = type?.create_in_triage === 'always';
  const forcedPrivate = type?.private_incidents_only === true;
  const update = (patch: Partial<DeclareDraft>) => onDraftChange({ ...draft, ...patch });

  const nameError = triedEmptyName && draft.name.trim() === '' ? 'Enter a name for the incident.' : fieldErrors.name;
  const errors: Record<string, string | undefined> = { ...fieldErrors, name: nameError };
  const otherErrors = Object.entries(fieldErrors).filter(([field]) => !FORM_FIELDS.includes(field));
  const errorId = (field: string) => `${id}-${field}-error`;
  const describe = (field: string, ...more: (string | false)[]) =>
    [errors[field] && errorId(field), ...more].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: string) =>
    errors[field] ? (
      <p id={errorId(field)} className="field-error">
        {errors[field]}
      </p>
    ) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (draft.name.trim() === '') {
      setTriedEmptyName(true);
      nameInput.current?.focus();
      return;
    }
    const { entries, problems } = buildCustomFieldEntries(props.customFields?.map((f) => f.field) ?? [], draft.customFields ?? {});
    setValueProblems(Object.fromEntries(problems.map((p) => [p.fieldId, p.message])));
    if (problems.length) return;
    props.onSubmit({ ...toSubmission(draft, incidentTypes), ...(entries.length ? { customFieldEntries: entries } : {}) });
  }

  function discard() {
    setTriedEmptyName(false);
    setOpen(false);
    props.onDiscard();
  }

  const success = created && (
    <div role="status" className="success" ref={successRef} tabIndex={-1}>
      <p>{created.reference} declared</p>
      <IncidentLink href={created.permalink} dashboardUrl={props.dashboardUrl}>Open in incident.io</IncidentLink>
    </div>
  );

  if (!open) {
    return (
      <div className="declare">
        {success}
        <button
          type="button"
          className="primary"
          onClick={() => {
            focusName.current = true;
            setOpen(true);
          }}
        >
          Declare incident
        </button>
      </div>
    );
  }

  return (
    <form className="declare declare-form" onSubmit={submit} noValidate aria-label="Declare an incident">
      {success}
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          ref={nameInput}
          id={`${id}-name`}
          type="text"
          required
          value={draft.name}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describe('name')}
          onChange={(e) => update({ name: e.target.value })}
        />
        {fieldError('name')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-summary`}>Summary</label>
        <textarea
          id={`${id}-summary`}
          rows={3}
          value={draft.summary}
          aria-invalid={errors.summary ? true : undefined}
          aria-describedby={describe('summary')}
          onChange={(e) => update({ summary: e.target.value })}
        />
        {fieldError('summary')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-severity`}>Severity</label>
        <select
          id={`${id}-severity`}
          value={draft.severityId}
          aria-invalid={errors.severity_id ? true : undefined}
          aria-describedby={describe('severity_id')}
          onChange={(e) => update({ severityId: e.target.value })}
        >
          <option value="">No severity</option>
          {bySeverityDesc(severities).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        {fieldError('severity_id')}
      </div>
      {incidentTypes.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-type`}>Incident type</label>
          <select
            id={`${id}-type`}
            value={type?.id ?? ''}
            aria-invalid={errors.incident_type_id ? true : undefined}
            aria-describedby={describe('incident_type_id')}
            onChange={(e) => update({ incidentTypeId: e.target.value })}
          >
            {!type && <option value="">Choose a type</option>}
            {incidentTypes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          {fieldError('incident_type_id')}
        </div>
      )}
      <div className="field">
        <div
          role="radiogroup"
          aria-labelledby={`${id}-start-label`}
          aria-describedby={describe('incident_status_id', forcedTriage && `${id}-start-note`)}
          className="radio-group"
        >
          <span id={`${id}-start-label`} className="label">
            Start as
          </span>
          <label className="radio">
            <input
              type="radio"
              name={`${id}-start`}
              value="triage"
              checked={forcedTriage || draft.startAs === 'triage'}
              onChange={() => update({ startAs: 'triage' })}
            />
            Triage
          </label>
          <label className="radio">
            <input
              type="radio"
              name={`${id}-start`}
              value="active"
              disabled={forcedTriage}
              checked={!forcedTriage && draft.startAs === 'active'}
              onChange={() => update({ startAs: 'active' })}
            />
            Active
          </label>
        </div>
        {forcedTriage && (
          <p id={`${id}-start-note`} className="hint">
            Incidents of type “{type?.name}” always start in triage.
          </p>
        )}
        {fieldError('incident_status_id')}
      </div>
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={forcedPrivate || draft.isPrivate}
            disabled={forcedPrivate}
            aria-invalid={errors.visibility ? true : undefined}
            aria-describedby={describe('visibility', forcedPrivate && `${id}-private-note`)}
            onChange={(e) => update({ isPrivate: e.target.checked })}
          />
          Private incident
        </label>
        {forcedPrivate && (
          <p id={`${id}-private-note`} className="hint">
            Incidents of type “{type?.name}” are always private.
          </p>
        )}
        {fieldError('visibility')}
      </div>
      {props.customFields === undefined
        ? <p className="hint">Loading custom fields…</p>
        : (
          <CustomFieldControls
            fields={props.customFields}
            values={draft.customFields ?? {}}
            errors={{ ...props.customFieldErrors, ...valueProblems }}
            onChange={(fieldId, value) => {
              setValueProblems(({ [fieldId]: _fixed, ...rest }) => rest);
              update({ customFields: { ...draft.customFields, [fieldId]: value } });
            }}
            searchCatalog={props.searchCatalog ?? (async () => [])}
          />
        )}
      {otherErrors.length > 0 && (
        <ul className="field-error" aria-label="Other problems">
          {otherErrors.map(([field, message]) => (
            <li key={field}>
              {field}: {message}
            </li>
          ))}
        </ul>
      )}
      {error && <ErrorAlert error={error} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Declare
        </button>
        <button type="button" onClick={discard} disabled={busy}>
          Discard draft
        </button>
      </div>
      {busy && <Spinner label="Declaring incident…" />}
    </form>
  );
}
