import { useId } from 'react';
import type { ExtraCapabilities } from '@/lib/incident-io/roles';

/** What an API key may do (shape of `capabilitiesFromRoles` in lib/incident-io/roles.ts). */
export interface KeyCapabilities {
  canCreate: boolean;
  canEdit: boolean;
  canSeePrivate: boolean;
  createReason?: string;
  editReason?: string;
  /** On-call, status pages and the catalog (issue 12), when the identity's roles are known. */
  extra?: ExtraCapabilities;
}

interface Capability {
  label: string;
  allowed: boolean;
  reason?: string;
}

function capabilityRows(c: KeyCapabilities): Capability[] {
  return [
    { label: 'See open incidents', allowed: true },
    { label: 'Declare incidents', allowed: c.canCreate, reason: c.createReason },
    { label: 'Update incident status', allowed: c.canEdit, reason: c.editReason },
    {
      label: 'See private incidents',
      allowed: c.canSeePrivate,
      reason: 'Private incidents stay hidden from this key.',
    },
    ...(c.extra ? [
      { label: 'Page on-call', allowed: c.extra.canPage, reason: c.extra.pageReason },
      { label: 'See who is on call', allowed: c.extra.canSeeOnCall, reason: c.extra.onCallReason },
      { label: 'Publish to status pages', allowed: c.extra.canPublish, reason: c.extra.publishReason },
      { label: 'Search catalog-backed fields', allowed: c.extra.canUseCatalog, reason: c.extra.catalogReason },
    ] : []),
  ];
}

export function CapabilityList({ capabilities }: { capabilities: KeyCapabilities }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="capabilities">
      <h3 id={headingId}>What this key can do</h3>
      <ul aria-labelledby={headingId}>
        {capabilityRows(capabilities).map((row) => (
          <li key={row.label} className={row.allowed ? 'allowed' : 'missing'}>
            <span aria-hidden="true" className="capability-icon">
              {row.allowed ? '✓' : '✕'}
            </span>{' '}
            {row.label}: {row.allowed ? 'allowed' : `not allowed${row.reason ? `. ${row.reason}` : ''}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
