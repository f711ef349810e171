import type { Page, Worker } from '@playwright/test';
import { SECOND_WORKSPACE } from '../sandbox/second-org';
import { connect, expect, sandbox, test } from './fixtures';
import { card, test as deskTest, openDesk, strip, textCenter } from './helpdesk-fixtures';

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
      local: await chrome.storage.local.get(null), session: await chrome.storage.session.get(['workspaceCounts', 'workspaceOpen', 'workspaceBaselines']),
    }));
    expect(stored).not.toContain(SECOND_WORKSPACE.key);
    expect(stored).not.toContain('globex-watch');
    expect(stored).not.toContain(SECOND_WORKSPACE.name);
    expect(stored).not.toContain(SECOND_WORKSPACE.openIncidents[0]);
    // The first workspace keeps working.
    await expect(panel.getByText(`Connected as ${FIRST}`)).toBeVisible();
  });
});

type Hooks = { __incidentCopilotTest: { pollOnce(): Promise<string>; openAlert(id: string): Promise<void> } };
const hooks = (worker: Worker) => ({
  poll: () => worker.evaluate(() => (globalThis as unknown as Hooks).__incidentCopilotTest.pollOnce()),
  click: (id: string) => worker.evaluate((notificationId) => (globalThis as unknown as Hooks).__incidentCopilotTest.openAlert(notificationId), id),
});

/** Incident.io's API as the second organisation's key sees it (the sandbox's admin routes are the first org's). */
async function declareInSecondOrg(name: string) {
  const res = await fetch(`${sandbox.url}/v2/incidents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SECOND_WORKSPACE.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ idempotency_key: `e2e-${name}`, name, visibility: 'public' }),
  });
  if (!res.ok) throw new Error(`declare in the second org: HTTP ${res.status} ${await res.text()}`);
}

deskTest.describe('Several workspaces on a ticket page and in alerts', () => {
  deskTest('the strip names each incident’s workspace; the inactive workspace’s new incident raises an alert that switches to it', async ({ context, panel, worker }) => {
    // The desk fixture's panel is connected to the first workspace already.
    await panel.getByLabel('API key for another workspace').fill(SECOND_WORKSPACE.key);
    await panel.getByRole('button', { name: 'Add workspace' }).click();
    await expect.poll(async () => (await badge(worker)).text).toBe('10');

    const ticket = await openDesk(context, 'zendesk');
    const shown = strip(ticket);
    // Both organisations have an INC-123: each is named with its workspace, and only the active one's opens.
    await expect(shown).toContainText(`INC-123 · ${FIRST}`);
    const globex = shown.getByRole('group', { name: `Open incidents in ${SECOND_WORKSPACE.name}` });
    await expect(globex).toContainText(`${SECOND_WORKSPACE.name}: 2 open incidents · most severe: ${SECOND_WORKSPACE.openIncidents[0]}`);
    await expect(globex).toContainText(`INC-123 · ${SECOND_WORKSPACE.name}`);
    await expect(globex.getByRole('button')).toHaveCount(0);
    // The ticket's own INC-123 is looked up in the active workspace, and its card says whose it is.
    const at = await textCenter(ticket, '[data-test-id="omni-log-container"]', 'INC-123');
    await ticket.mouse.move(at.x, at.y);
    await expect(card(ticket)).toContainText(`INC-123: Checkout failing for EU customers`);
    await expect(card(ticket)).toContainText(`· ${FIRST}`);

    await declareInSecondOrg('Globex: warehouse sync stuck');
    expect(await hooks(worker).poll()).toBe('polled');
    // The other workspace's poll: one alert under its own id, and the ticket tab told of its new list.
    const secondId = await worker.evaluate(async () => {
      const { workspaces } = await chrome.storage.local.get('workspaces') as { workspaces: { activeId: string; list: { id: string }[] } };
      return workspaces.list.find((w) => w.id !== workspaces.activeId)!.id;
    });
    await expect.poll(async () => (await worker.evaluate(async () => Object.keys(await chrome.notifications.getAll())))
      .filter((id) => id.startsWith(`${secondId}/incident:`))).toHaveLength(1);
    await expect(globex).toContainText(`${SECOND_WORKSPACE.name}: 3 open incidents`);

    const [alertId] = (await worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()))).filter((id) => id.startsWith(`${secondId}/`));
    await hooks(worker).click(alertId!);
    // Switched before opening: the panel shows the second workspace's incident.
    await expect(panel.getByRole('combobox', { name: 'Workspace' })).toHaveValue(secondId);
    await expect(panel.getByText('Globex: warehouse sync stuck').first()).toBeVisible();
    // And the ticket page now offers the second workspace's incidents, the first's shown apart.
    await expect(shown.getByRole('group', { name: `Open incidents in ${FIRST}` })).toBeVisible();
  });
});
