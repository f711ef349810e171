import type { ReactNode } from 'react';

import { safeHttpUrl, safeIncidentUrl } from '@/lib/web-url';

export { safeHttpUrl };

export interface ExternalLinkProps {
  href: string | undefined;
  children: ReactNode;
}

/** A link opening in a new tab; anything but http(s) is shown as inert text instead. */
export function ExternalLink({ href, children }: ExternalLinkProps) {
  if (!href) return null;
  const safe = safeHttpUrl(href);
  if (!safe) return <span className="inert-link">{href}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/** "Open in incident.io": a link only to https on the organisation's incident.io host, else inert text. */
export function IncidentLink({ href, dashboardUrl, children }: ExternalLinkProps & { dashboardUrl?: string }) {
  if (!href) return null;
  const safe = safeIncidentUrl(href, dashboardUrl);
  if (!safe) return <span className="inert-link">{href}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
