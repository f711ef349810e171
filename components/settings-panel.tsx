import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ErrorInfo } from '@/lib/incident-io/errors';
import { ORGANISATION_LOCK } from '@/lib/organisation-lock';
import { CapabilityList, type KeyCapabilities } from './capability-list';
import { ErrorAlert } from './error-alert';
import { Spinner } from './spinner';

export interface ConnectionSettings {
  /** '' keeps the stored key (only possible while connected). */
  apiKey: string;
  baseUrl: string;
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
    props.onSave({ apiKey: apiKey.trim(), baseUrl: baseUrl.trim() });
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
            onChange={(e) => setBaseUrl(e.target.value)}
          />
          {props.baseUrlLocked && <p id={`${id}-url-lock`} className="hint">{ORGANISATION_LOCK}</p>}
          {fieldErrors.baseUrl && (
            <p id={`${id}-url-error`} className="field-error">
              {fieldErrors.baseUrl}
            </p>
          )}
        </div>
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
