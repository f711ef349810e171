import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { customEndpointHost, validateBaseUrl } from '@/lib/incident-io/base-url';
import type { ErrorInfo } from '@/lib/incident-io/errors';
import { ORGANISATION_LOCK } from '@/lib/organisation-lock';
import { CapabilityList, type KeyCapabilities } from './capability-list';
import { ErrorAlert } from './error-alert';
import { Spinner } from './spinner';

export interface ConnectionSettings {
  /** '' keeps the stored key (only possible while connected). */
  apiKey: string;
  baseUrl: string;
  /** The host the agent confirmed as a custom endpoint (neither incident.io nor this computer). */
  customEndpoint?: string;
}

/** The host a base URL as typed would send the key to, when that needs confirming. */
function customHostOf(baseUrl: string): string | null {
  const url = validateBaseUrl(baseUrl);
  return url.ok ? customEndpointHost(url.url) : null;
}

export interface SettingsPanelProps {
  baseUrl: string;
  /** The verified key's name and capabilities; null when no key is stored. */
  connection: { name: string; capabilities: KeyCapabilities } | null;
  onSave: (settings: ConnectionSettings) => void;
  onDisconnect: () => void;
  busy?: boolean;
  error?: ErrorInfo | null;
  /** e.g. from validateBaseUrl. */
  fieldErrors?: { apiKey?: string; baseUrl?: string };
  /** The organisation's policy sets the base URL: the field is read-only and says so. */
  baseUrlLocked?: boolean;
  /** The status-word mapping editor, shown once connected. */
  children?: ReactNode;
}

export function SettingsPanel(props: SettingsPanelProps) {
  const { connection, busy = false, error = null, fieldErrors = {} } = props;
  const id = useId();
  // The stored key never comes back to the UI: the field only ever holds a new one.
  const [apiKey, setApiKey] = useState('');
  const [showKey, setShowKey] = useState(false);
  const [baseUrl, setBaseUrl] = useState(props.baseUrl);
  const [missingKey, setMissingKey] = useState(false);
  // The confirmation names one host: typing another host asks again.
  const [confirmedHost, setConfirmedHost] = useState<string | null>(null);
  const [missingConfirm, setMissingConfirm] = useState(false);
  const customHost = customHostOf(baseUrl);
  const confirmed = customHost !== null && confirmedHost === customHost;
  const [connectedAs, setConnectedAs] = useState(connection?.name);
  if (connection?.name !== connectedAs) {
    setConnectedAs(connection?.name);
    setApiKey('');
  }

  const keyError = missingKey && !apiKey.trim() ? 'Enter your incident.io API key.' : fieldErrors.apiKey;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!connection && !apiKey.trim()) {
      setMissingKey(true);
      return;
    }
    if (customHost && !confirmed) {
      setMissingConfirm(true);
      return;
    }
    props.onSave({ apiKey: apiKey.trim(), baseUrl: baseUrl.trim(), ...(customHost ? { customEndpoint: customHost } : {}) });
  }

  return (
    <div className="settings">
      <form onSubmit={submit} noValidate aria-label="Connection" className="connection-form">
        <div className="field">
          <label htmlFor={`${id}-key`}>API key</label>
          <div className="inline-field">
            <input
              id={`${id}-key`}
              // Password inputs have no implicit role; the contract (e2e, assistive tech) names it a textbox.
              role="textbox"
              type={showKey ? 'text' : 'password'}
              value={apiKey}
              autoComplete="off"
              spellCheck={false}
              placeholder={connection ? 'Saved. Enter a new key to replace it' : 'Paste your incident.io API key'}
              aria-invalid={keyError ? true : undefined}
              aria-describedby={keyError ? `${id}-key-error` : undefined}
              onChange={(e) => setApiKey(e.target.value)}
            />
            <button type="button" aria-pressed={showKey} onClick={() => setShowKey(!showKey)}>
              {showKey ? 'Hide' : 'Show'}
              <span className="visually-hidden"> API key</span>
            </button>
          </div>
          {keyError && (
            <p id={`${id}-key-error`} className="field-error">
              {keyError}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-url`}>API base URL</label>
          <input
            id={`${id}-url`}
            type="url"
            value={baseUrl}
            spellCheck={false}
            aria-invalid={fieldErrors.baseUrl ? true : undefined}
            aria-describedby={[fieldErrors.baseUrl && `${id}-url-error`, props.baseUrlLocked && `${id}-url-lock`].filter(Boolean).join(' ') || undefined}
            readOnly={props.baseUrlLocked}
            onChange={(e) => {
              setBaseUrl(e.target.value);
              if (customHostOf(e.target.value) !== confirmedHost) setConfirmedHost(null);
            }}
          />
          {props.baseUrlLocked && <p id={`${id}-url-lock`} className="hint">{ORGANISATION_LOCK}</p>}
          {fieldErrors.baseUrl && (
            <p id={`${id}-url-error`} className="field-error">
              {fieldErrors.baseUrl}
            </p>
          )}
        </div>
        {customHost && (
          <div className="field">
            <div className="checkbox">
              <input
                id={`${id}-custom`}
                type="checkbox"
                checked={confirmed}
                aria-invalid={missingConfirm && !confirmed ? true : undefined}
                aria-describedby={missingConfirm && !confirmed ? `${id}-custom-error` : undefined}
                onChange={(e) => setConfirmedHost(e.target.checked ? customHost : null)}
              />
              <label htmlFor={`${id}-custom`}>Custom endpoint: send my API key to {customHost}</label>
            </div>
            {missingConfirm && !confirmed && (
              <p id={`${id}-custom-error`} className="field-error">
                {customHost} is not incident.io. Confirm it as a custom endpoint to send your API key there.
              </p>
            )}
          </div>
        )}
        {error && <ErrorAlert error={error} />}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Save
          </button>
          {connection && (
            <button type="button" onClick={props.onDisconnect} disabled={busy}>
              Disconnect
            </button>
          )}
        </div>
        {busy && <Spinner label="Checking key…" />}
      </form>
      {connection && (
        <>
          <p className="connected">Connected as {connection.name}</p>
          <CapabilityList capabilities={connection.capabilities} />
          {props.children}
        </>
      )}
    </div>
  );
}
