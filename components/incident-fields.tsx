import { useId } from 'react';
import type { Incident } from '@/lib/incident-io/schemas';
import { ExternalLink } from './external-link';

type Value = NonNullable<Incident['custom_field_entries']>[number]['values'][number];

function ValueText({ value }: { value: Value }) {
  if (value.value_link) return <ExternalLink href={value.value_link}>{value.value_link}</ExternalLink>;
  return <>{value.value_option?.value ?? value.value_catalog_entry?.name ?? value.value_text ?? value.value_numeric ?? ''}</>;
}

/** The organisation's custom field values and every role assignment ("Incident Lead: Ana Ruiz"). */
export function IncidentFields({ incident }: { incident: Incident }) {
  const headingId = useId();
  const entries = (incident.custom_field_entries ?? []).filter((e) => e.values.length > 0);
  const roles = incident.incident_role_assignments.filter((a) => a.assignee);
  if (entries.length === 0 && roles.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Fields and roles</h3>
      <dl className="fields">
        {roles.map((a) => (
          <div key={a.role.id}>
            <dt>{a.role.name}</dt>
            <dd>{a.assignee?.name}</dd>
          </div>
        ))}
        {entries.map((e) => (
          <div key={e.custom_field.id}>
            <dt>{e.custom_field.name}</dt>
            <dd>{e.values.map((v, i) => <span key={i}>{i > 0 && ', '}<ValueText value={v} /></span>)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
