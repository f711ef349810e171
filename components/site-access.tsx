import { useId } from 'react';
import type { ErrorInfo } from '@/lib/incident-io/errors';
import { ErrorAlert } from './error-alert';

/** What the active tab allows: its origin can be enabled, is enabled, is a built-in desk, or is unknown. */
export type CurrentSite =
  | { kind: 'enableable'; origin: string }
  | { kind: 'enabled'; origin: string }
  | { kind: 'built-in'; origin: string }
  | { kind: 'unknown' };

export interface SiteAccessProps {
  current: CurrentSite;
  /** Origins the agent enabled. */
  sites: readonly string[];
  onEnable: () => void;
  onDisable: (origin: string) => void;
  busy?: boolean;
  error?: ErrorInfo | null;
}

/** Self-hosted help desks: enable Incident Copilot on the active tab's site; list and disable the others. */
export function SiteAccess({ current, sites, onEnable, onDisable, busy = false, error }: SiteAccessProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Help desks on your own domain</h3>
      {current.kind === 'enableable' && (
        <>
          <p className="hint">Show incidents on {current.origin} (Zammad, FreeScout, osTicket, Request Tracker or another help desk). Your browser asks you to allow it.</p>
          <div className="actions">
            <button type="button" className="primary" onClick={onEnable} disabled={busy}>
              Enable on this site
            </button>
          </div>
        </>
      )}
      {current.kind === 'enabled' && <p className="hint">Enabled on this site ({current.origin}).</p>}
      {current.kind === 'built-in' && <p className="hint">{current.origin} is supported without enabling anything.</p>}
      {current.kind === 'unknown' && (
        <p className="hint">To enable your help desk, open one of its tickets and click the Incident Copilot toolbar button there.</p>
      )}
      {sites.length > 0 && (
        <ul className="enabled-sites" aria-label="Enabled sites">
          {sites.map((origin) => (
            <li key={origin}>
              {origin}{' '}
              <button type="button" className="link-button" onClick={() => onDisable(origin)} disabled={busy} aria-label={`Disable on ${origin}`}>
                Disable
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <ErrorAlert error={error} />}
    </section>
  );
}
