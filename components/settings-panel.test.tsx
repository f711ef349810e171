// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StatusMapping } from '@/lib/incident-io/status-words';
import { SettingsPanel, type SettingsPanelProps } from './settings-panel';
import { StatusMappingEditor } from './status-mapping-editor';
import { statuses } from './test-fixtures';

afterEach(cleanup);

const connection = {
  name: 'Support desk',
  capabilities: { canCreate: true, canEdit: false, canSeePrivate: false, editReason: 'Needs the incident_editor role.' },
};

function renderSettings(props: Partial<SettingsPanelProps> = {}) {
  const onSave = vi.fn();
  const onDisconnect = vi.fn();
  render(<SettingsPanel baseUrl="https://api.incident.io" connection={null} onSave={onSave} onDisconnect={onDisconnect} {...props} />);
  return { onSave, onDisconnect };
}

const keyBox = () => screen.getByRole('textbox', { name: 'API key' }) as HTMLInputElement;

describe('SettingsPanel', () => {
  it('takes a key (hidden by default, with a show toggle) and a base URL', () => {
    const { onSave } = renderSettings();
    expect(keyBox().type).toBe('password');
    const toggle = screen.getByRole('button', { name: 'Show API key' });
    fireEvent.click(toggle);
    expect(keyBox().type).toBe('text');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    fireEvent.change(keyBox(), { target: { value: ' sandbox-full-key ' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'API base URL' }), { target: { value: 'http://127.0.0.1:8787' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({ apiKey: 'sandbox-full-key', baseUrl: 'http://127.0.0.1:8787' });
  });

  it('asks for a key before the first save, and shows field errors from the parent', () => {
    const { onSave } = renderSettings({ fieldErrors: { baseUrl: 'Use https (http only on this computer).' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(keyBox().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter your incident.io API key.')).toBeTruthy();
    const url = screen.getByRole('textbox', { name: 'API base URL' });
    expect(document.getElementById(url.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Use https (http only on this computer).',
    );
    expect(screen.queryByRole('button', { name: 'Disconnect' })).toBeNull();
  });

  it('shows who is connected and what the key may do, with reasons', () => {
    const { onDisconnect, onSave } = renderSettings({ connection });
    expect(screen.getByText('Connected as Support desk')).toBeTruthy();
    const list = screen.getByRole('list', { name: 'What this key can do' });
    const items = within(list).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toContain('✓ Declare incidents: allowed');
    expect(items).toContain('✕ Update incident status: not allowed. Needs the incident_editor role.');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({ apiKey: '', baseUrl: 'https://api.incident.io' });
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(onDisconnect).toHaveBeenCalled();
  });
});

describe('StatusMappingEditor', () => {
  const mapping: StatusMapping = { triage: 'st-triage', active: 'st-investigating', monitoring: null, resolved: 'st-closed' };

  it('edits one status per word, with "Not mapped", and saves the result', () => {
    const onSave = vi.fn();
    render(<StatusMappingEditor statuses={statuses} mapping={mapping} onSave={onSave} />);
    const monitoring = screen.getByRole('combobox', { name: 'Status for monitoring' }) as HTMLSelectElement;
    expect(monitoring.value).toBe('');
    expect(monitoring.options[0]?.textContent).toBe('Not mapped');
    expect(monitoring.options).toHaveLength(statuses.length + 1);
    fireEvent.change(monitoring, { target: { value: 'st-monitoring' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Status for resolved' }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply mapping' }));
    expect(onSave).toHaveBeenCalledWith({ ...mapping, monitoring: 'st-monitoring', resolved: null });
  });
});

describe('SettingsPanel: custom endpoints (issue 14 §3)', () => {
  it('a host other than incident.io or this computer is sent only after a confirmation naming it', () => {
    const { onSave } = renderSettings();
    fireEvent.change(keyBox(), { target: { value: 'typed-key' } });
    const url = screen.getByRole('textbox', { name: 'API base URL' });
    fireEvent.change(url, { target: { value: 'https://api.incident.io.evil.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText('api.incident.io.evil.example is not incident.io. Confirm it as a custom endpoint to send your API key there.')).toBeTruthy();
    const confirm = screen.getByRole('checkbox', { name: 'Custom endpoint: send my API key to api.incident.io.evil.example' });
    fireEvent.click(confirm);
    // Another host asks again.
    fireEvent.change(url, { target: { value: 'https://other.example' } });
    expect((screen.getByRole('checkbox', { name: 'Custom endpoint: send my API key to other.example' }) as HTMLInputElement).checked).toBe(false);
    fireEvent.change(url, { target: { value: 'https://api.incident.io.evil.example' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /api\.incident\.io\.evil\.example/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({ apiKey: 'typed-key', baseUrl: 'https://api.incident.io.evil.example', customEndpoint: 'api.incident.io.evil.example' });
  });

  it('incident.io and loopback need no confirmation', () => {
    renderSettings();
    expect(screen.queryByRole('checkbox')).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: 'API base URL' }), { target: { value: 'http://127.0.0.1:8787' } });
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});
