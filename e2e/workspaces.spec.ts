import type { Page, Worker } from '@playwright/test';
import { SECOND_WORKSPACE } from '../sandbox/second-org';
import { connect, expect, test } from './fixtures';

const FIRST = 'Copilot sandbox (full access)';
const badge = (worker: Worker) =>
  worker.evaluate(async () => ({ text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) }));

async function addSecondWorkspace(panel: Page) {
  await connect(panel);
  await expect(panel.getByText(`Connected as ${FIRST}`)).toBeVisible();
  await panel.getByLabel('API key for another workspace').fill(SECOND_WORKSPACE.key);
  await panel.getByRole('button', { name: 'Add workspace' }).click();
  await expect(panel.getByRole('button', { name: `Remove ${SECOND_WORKSPACE.name}` })).toBeVisible();
}

test.describe('Several incident.io workspaces', () => {
  test('the Workspace switcher changes what the panel shows; the badge sums both with a count per workspace', async ({ panel, worker }) => {
    await addSecondWorkspace(panel);
    // Acme: 8 open (incl. the private one this key may see); Globex: 2.
    await expect.poll(async () => (await badge(worker)).text).toBe('10');
    const { title } = await badge(worker);
    expect(title).toContain(`${FIRST}: 8`);
    expect(title).toContain(`${SECOND_WORKSPACE.name}: 2`);

    const switcher = panel.getByRole('combobox', { name: 'Workspace' });
    await expect(switcher).toHaveValue(/.+/);
    await panel.getByRole('tab', { name: 'Incidents' }).click();
    const list = panel.getByRole('region', { name: 'Open incidents' });
    await expect(list).toContainText('INC-136');
    await expect(list).not.toContainText(SECOND_WORKSPACE.openIncidents[0]);

    await switcher.selectOption({ label: SECOND_WORKSPACE.name });
    await expect(list).toContainText(SECOND_WORKSPACE.openIncidents[0]);
    await expect(list).toContainText(SECOND_WORKSPACE.openIncidents[1]);
    await expect(list).not.toContainText('INC-136');
    await expect.poll(async () => (await badge(worker)).text).toBe('10');
    await panel.getByRole('tab', { name: 'Settings' }).click();
    await expect(panel.getByText(`Connected as ${SECOND_WORKSPACE.name}`)).toBeVisible();
  });

  test('removing the second workspace removes its key, its counts and its watches', async ({ panel, worker }) => {
    await addSecondWorkspace(panel);
    await expect.poll(async () => (await badge(worker)).text).toBe('10');
    await panel.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: SECOND_WORKSPACE.name });
    await expect(panel.getByText(`Connected as ${SECOND_WORKSPACE.name}`)).toBeVisible();
    // A watch in the second workspace, stashed with it when the first is shown again.
    await worker.evaluate(() => chrome.storage.local.set({ watched: ['globex-watch'] }));
    await panel.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: FIRST });
    await expect(panel.getByText(`Connected as ${FIRST}`)).toBeVisible();

    await panel.getByRole('button', { name: `Remove ${SECOND_WORKSPACE.name}` }).click();
    await expect(panel.getByRole('button', { name: `Remove ${SECOND_WORKSPACE.name}` })).toHaveCount(0);
    await expect(panel.getByRole('combobox', { name: 'Workspace' })).toHaveCount(0);
    await expect.poll(async () => (await badge(worker)).text).toBe('8');
    expect((await badge(worker)).title).not.toContain(SECOND_WORKSPACE.name);
    const stored = await worker.evaluate(async () => JSON.stringify({
      local: await chrome.storage.local.get(null), session: await chrome.storage.session.get(['workspaceCounts']),
    }));
    expect(stored).not.toContain(SECOND_WORKSPACE.key);
    expect(stored).not.toContain('globex-watch');
    expect(stored).not.toContain(SECOND_WORKSPACE.name);
    // The first workspace keeps working.
    await expect(panel.getByText(`Connected as ${FIRST}`)).toBeVisible();
  });
});
