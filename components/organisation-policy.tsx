import { useId } from 'react';
import { ORGANISATION_LOCK } from '@/lib/organisation-lock';

export interface OrganisationPolicyProps {
  /** What the policy sets that has no control of its own in Settings, as label → value. */
  items: readonly { label: string; value: string }[];
}

/** The settings IT set by policy (managed storage), which the agent sees but cannot change. */
export function OrganisationPolicy({ items }: OrganisationPolicyProps) {
  const headingId = useId();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="organisation-policy">
      <h3 id={headingId}>{ORGANISATION_LOCK}</h3>
      <dl>
        {items.map((item) => (
          <div key={item.label}>
            <dt>{item.label}</dt>
            <dd>{item.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
