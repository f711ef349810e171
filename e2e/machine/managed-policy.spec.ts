import { servedUrl, strip } from '../helpdesk-fixtures';
import { backgroundWorker, CHROMIUM, expect, KEYS, QUIET_CHROMIUM_ARGS, sandbox, test as base } from '../fixtures';
import { type HelpdeskServer, startHelpdeskServer } from '../helpdesk/https-server';
import { SANDBOX_URL } from '../ports';
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { keyedExtensionCopy } from './extension-copy';
import { policyUnavailableReason, writePolicy } from './policy';
import { needs } from './needs';

// IT's managed configuration through a real Chromium policy: a file in Chromium's machine policy
// directory with a "3rdparty" section for the extension's id (a keyed copy of the e2e build, so the
// policy reaches no other extension and no other spec's browser), read by Chromium at start-up.

const test = base.extend<{ desk: HelpdeskServer; resolvedStatusId: string }>({
  // oxlint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
  desk: async ({}, use) => {
    const server = await startHelpdeskServer({ routes: { [servedUrl('freescout')]: 'lib/helpdesk/fixtures/freescout.html' } });
    await use(server);
    await server.close();
  },
  // oxlint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
  resolvedStatusId: async ({}, use) => {
    const res = await fetch(`${SANDBOX_URL}/v1/incident_statuses`, { headers: { authorization: `Bearer ${KEYS.full}` } });
    const { incident_statuses: statuses } = (await res.json()) as { incident_statuses: { id: string; category: string }[] };
    await use(statuses.find((status) => status.category === 'closed')!.id);
  },
  context: async ({ desk, resolvedStatusId }, use) => {
    await sandbox.reset();
    const extension = keyedExtensionCopy('managed');
    const policy = writePolicy('managed', {
      '3rdparty': { extensions: { [extension.id]: {
        apiBaseUrl: SANDBOX_URL,
        allowWrites: false,
        pollIntervalSeconds: 120,
        statusMapping: { resolved: resolvedStatusId },
        helpdeskOrigins: ['https://help.example.org'],
      } } },
    });
    const profile = mkdtempSync(path.join(tmpdir(), 'incident-copilot-managed-'));
    try {
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        viewport: { width: 420, height: 900 },
        args: [`--disable-extensions-except=${extension.dir}`, `--load-extension=${extension.dir}`, ...QUIET_CHROMIUM_ARGS, ...desk.chromiumArgs],
      });
      await use(context);
      await context.close();
    } finally {
      policy.remove();
      extension.remove();
      rmSync(profile, { recursive: true, force: true });
    }
  },
});

needs(policyUnavailableReason() === null ? null : `needs a machine policy: ${policyUnavailableReason()}`);

test.describe('Managed configuration (a real Chromium policy)', () => {
  test('the policy wins over Settings, shows as "Set by your organisation", and read-only is enforced in the background', async ({ context, panel, resolvedStatusId }) => {
    const worker = await backgroundWorker(context);
    await panel.getByRole('tab', { name: 'Settings' }).click();
    const baseUrl = panel.getByRole('textbox', { name: 'API base URL' });
    await expect(baseUrl).toHaveValue(SANDBOX_URL);
    await expect(baseUrl).not.toBeEditable();
    await expect(baseUrl).toHaveAccessibleDescription('Set by your organisation');

    // The agent only enters a key: the policy's base URL is the one connected.
    await panel.getByRole('textbox', { name: 'API key', exact: true }).fill(KEYS.full);
    await panel.getByRole('button', { name: 'Save' }).click();
    await expect(panel.getByText(/Connected as/)).toBeVisible();

    const resolved = panel.getByRole('combobox', { name: 'Status for resolved' });
    await expect(resolved).toHaveValue(resolvedStatusId);
    await expect(resolved).toBeDisabled();
    await expect(panel.getByRole('button', { name: 'Apply mapping' })).toHaveCount(0);
    const policy = panel.getByRole('region', { name: 'Set by your organisation' });
    await expect(policy).toContainText('Turned off: Incident Copilot only shows incidents');
    await expect(policy).toContainText('Every 120 s');

    // The poller runs at the policy's interval, not the agent's 60 s default.
    await expect.poll(() => worker.evaluate(async () => (await chrome.alarms.getAll()).map((alarm) => alarm.periodInMinutes))).toContain(2);

    await panel.getByRole('tab', { name: 'Declare' }).click();
    await expect(panel.getByText('Your organisation has set Incident Copilot to show incidents only')).toBeVisible();

    // A message that ignores the locked UI is refused below every handler, and nothing is written.
    const incident = (await sandbox.incidents()).incidents.find((i) => i.reference === 'INC-123')!;
    const reply = await panel.evaluate((incidentId) => chrome.runtime.sendMessage({
      type: 'incidents/set-status', payload: { incidentId, target: 'resolved', notify: false },
    }), incident.id);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'not_allowed', message: expect.stringContaining('show incidents only') } });
    expect((await sandbox.incidents()).incidents.find((i) => i.id === incident.id)!.incident_status).toEqual(incident.incident_status);
  });

  test('a help desk the policy lists runs Incident Copilot without the agent enabling it', async ({ context, panel }) => {
    const worker = await backgroundWorker(context);
    await panel.getByRole('tab', { name: 'Settings' }).click();
    await panel.getByRole('textbox', { name: 'API key', exact: true }).fill(KEYS.full);
    await panel.getByRole('button', { name: 'Save' }).click();
    await expect(panel.getByText(/Connected as/)).toBeVisible();
    // Registered by the background from the policy (the e2e build holds this origin's permission).
    await expect.poll(() => worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? [])))
      .toEqual(['https://help.example.org/*']);
    await expect(panel.getByRole('list', { name: 'Enabled sites' })).toContainText('https://help.example.org');

    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(servedUrl('freescout'));
    await expect(strip(page)).toContainText('open incidents');
  });
});
