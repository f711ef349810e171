import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { connectionItem, settingsItem } from '@/lib/storage';
import { managedDeclareDefaults, readManagedConfig } from './managed';

const setPolicy = (policy: Record<string, unknown>) => fakeBrowser.storage.managed.set(policy);

describe('managed configuration', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps each valid field and drops only the invalid ones', async () => {
    await setPolicy({ pollIntervalSeconds: 5, allowWrites: false, apiBaseUrl: 'https://proxy.example.com', helpdeskOrigins: 'not a list' });
    expect(await readManagedConfig()).toEqual({ allowWrites: false, apiBaseUrl: 'https://proxy.example.com' });
  });

  it('wins over the agent\'s settings on read, and a write never copies it into them', async () => {
    await settingsItem.set({ ...DEFAULT_SETTINGS, pollIntervalSeconds: 90, statusMapping: { active: 'st-agent' } });
    await setPolicy({ pollIntervalSeconds: 300, statusMapping: { resolved: 'st-org' } });
    expect(await settingsItem.get()).toMatchObject({ pollIntervalSeconds: 300, statusMapping: { active: 'st-agent', resolved: 'st-org' } });

    await settingsItem.set({ ...(await settingsItem.get()), lastSnoozeMinutes: 15 });
    await fakeBrowser.storage.managed.clear();
    expect(await settingsItem.get()).toMatchObject({ pollIntervalSeconds: 90, statusMapping: { active: 'st-agent' }, lastSnoozeMinutes: 15 });
  });

  it('sets the API base URL only when it passes the same checks as a typed one', async () => {
    await connectionItem.set({ baseUrl: 'https://api.incident.io', identity: null });
    await setPolicy({ apiBaseUrl: 'https://proxy.example.com/' });
    expect((await connectionItem.get()).baseUrl).toBe('https://proxy.example.com');
    await setPolicy({ apiBaseUrl: 'http://plain.example.com' }); // the key would travel in clear text
    expect((await connectionItem.get()).baseUrl).toBe('https://api.incident.io');
  });

  it('matches the default severity and type by id or by name in any case', () => {
    const severities = [{ id: 'sev-1', name: 'Critical' }, { id: 'sev-3', name: 'Minor' }];
    const types = [{ id: 'type-a', name: 'Default' }, { id: 'type-b', name: 'Customer facing' }];
    expect(managedDeclareDefaults({ defaultSeverity: 'minor', defaultIncidentType: 'type-b' }, severities, types)).toEqual({ severityId: 'sev-3', incidentTypeId: 'type-b' });
    expect(managedDeclareDefaults({ defaultSeverity: 'Unknown' }, severities, types)).toEqual({});
  });
});
