import type { Page, Worker } from '@playwright/test';
import { connectAndOpenIncidents, expect, sandbox, test } from './fixtures';

/** One poll, as the alarm would run it (alarms fire at most every 30 s, too slow for a test). */
const poll = (worker: Worker) =>
  worker.evaluate(() => (globalThis as unknown as { __incidentCopilotTest: { pollOnce(): Promise<string> } }).__incidentCopilotTest.pollOnce());
const badge = (worker: Worker) =>
  worker.evaluate(async () => ({ text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) }));
const notificationIds = (worker: Worker) => worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));

async function openIncident(panel: Page, ref: string) {
  await panel.getByRole('textbox', { name: 'Find incident' }).fill(ref);
  await panel.getByRole('button', { name: 'Find' }).click();
  await expect(panel.getByRole('heading', { level: 2 })).toBeVisible();
}

test.describe('Badge and alerts from one poller', () => {
  test('a colleague’s new incident shows on the badge and raises exactly one notification', async ({ panel, worker }) => {
    await connectAndOpenIncidents(panel);
    expect(await poll(worker)).toBe('polled');
    // 2 triage + 6 active (incl. paused and the private one this key may see).
    await expect.poll(async () => (await badge(worker)).text).toBe('8');
    expect(await notificationIds(worker)).toHaveLength(0);

    await sandbox.call('POST', 'incidents', { name: 'Status page unreachable', severity: 'Critical' });
    expect(await poll(worker)).toBe('polled');
    await expect.poll(async () => (await badge(worker)).text).toBe('9');
    expect((await badge(worker)).title).toContain('Status page unreachable');
    expect(await notificationIds(worker)).toHaveLength(1);

    expect(await poll(worker)).toBe('polled');
    expect(await notificationIds(worker)).toHaveLength(1);
  });

  test('a watched incident’s status change raises one notification; a snooze holds it back', async ({ panel, worker }) => {
    await connectAndOpenIncidents(panel);
    await openIncident(panel, 'INC-131');
    await panel.getByRole('button', { name: /Watch/ }).click();
    await expect(panel.getByRole('button', { name: /Watching/ })).toHaveAttribute('aria-pressed', 'true');
    expect(await poll(worker)).toBe('polled');

    await sandbox.call('POST', 'incidents/INC-131/status', { status: 'Monitoring' });
    expect(await poll(worker)).toBe('polled');
    expect(await notificationIds(worker)).toHaveLength(1);

    await panel.getByRole('combobox', { name: 'Snooze alerts' }).selectOption({ label: 'For 1 h' });
    await expect(panel.getByRole('combobox', { name: 'Snooze alerts' })).toContainText('Snoozed until');
    await sandbox.call('POST', 'incidents/INC-131/status', { status: 'Fixing' });
    expect(await poll(worker)).toBe('polled');
    expect(await notificationIds(worker)).toHaveLength(1);
  });

  test('an invalid key shows a distinct mark on the badge', async ({ panel, worker }) => {
    await connectAndOpenIncidents(panel);
    await expect.poll(async () => (await badge(worker)).text).toBe('8');
    await sandbox.faults([{ method: 'GET', path: '^/v2/incidents$', status: 401, times: 5 }]);
    // A poll joins a list request already out (the panel's, sent before the fault); the next is its own.
    await expect.poll(() => poll(worker)).toBe('failed');
    await expect.poll(async () => (await badge(worker)).text).toBe('!');
  });
});
